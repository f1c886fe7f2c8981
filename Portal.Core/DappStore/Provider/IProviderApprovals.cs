using NutPortal.Core.Wallets;

namespace NutPortal.Core.DappStore.Provider;

/// <summary>A call decoded with the DApp's ABIs, or <see cref="Function"/> null and the raw data shown as is.</summary>
public sealed record DecodedCall(string? Contract, string? Function, IReadOnlyList<(string Name, string Type, string Value)> Arguments, string RawData);

/// <summary>A transaction as the user approves it: nothing is signed before they do.</summary>
public sealed record TransactionPreview(
    string DappName, string NetworkName, string From, string? To, string Value, DecodedCall Call, ulong GasLimit, string MaxFee, string Balance);

/// <summary>A message or typed data the DApp asks the user to sign.</summary>
public sealed record SignaturePreview(string DappName, string Account, string Kind, string Text);

/// <summary>
/// What the user decides, shown by the page around the DApp (dialogs). Each returns null or false when the user
/// declines; the provider then answers 4001.
/// </summary>
public interface IProviderApprovals
{
    Task<WalletAccountView?> ChooseAccountAsync(string dappName, IReadOnlyList<WalletAccountView> accounts, CancellationToken ct);

    Task<bool> ApproveTransactionAsync(TransactionPreview preview, CancellationToken ct);

    Task<bool> ApproveSignatureAsync(SignaturePreview preview, CancellationToken ct);
}
