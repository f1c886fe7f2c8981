using Microsoft.AspNetCore.DataProtection;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Keys;

namespace NutPortal.Core.Wallets;

/// <summary>
/// Wallet keys encrypted at rest with ASP.NET Data Protection (its own purpose, so a wallet ciphertext never opens
/// as a network account's). Plain key bytes live only inside <see cref="PrivateKey"/> instances, zeroed on dispose.
/// </summary>
public sealed class WalletKeys(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("NutPortal.Wallets.AccountKeys.v1");

    public string Protect(PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var raw = key.ExportBytes();
        try
        {
            return Hex.Encode(_protector.Protect(raw), prefix: false);
        }
        finally
        {
            Array.Clear(raw);
        }
    }

    public PrivateKey Unprotect(WalletAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var raw = _protector.Unprotect(Hex.Decode(account.ProtectedPrivateKey));
        try
        {
            return PrivateKey.FromBytes(raw);
        }
        finally
        {
            Array.Clear(raw);
        }
    }
}
