using Microsoft.AspNetCore.DataProtection;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Keys;

namespace NutPortal.Core.Networks;

/// <summary>
/// Generates test-account keys and keeps them encrypted at rest with ASP.NET Data Protection (keys in
/// Portal:DataDirectory/keys). Plain key bytes exist only inside <see cref="PrivateKey"/> instances, which
/// zero them on dispose and never print them.
/// </summary>
public sealed class NetworkAccountKeys(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("NutPortal.Networks.AccountKeys.v1");

    public NetworkAccount Create(string networkId, out PrivateKey key)
    {
        key = PrivateKey.Generate();
        var raw = key.ExportBytes();
        try
        {
            return new NetworkAccount
            {
                NetworkId = networkId,
                Address = key.Address.ToString(),
                ProtectedPrivateKey = Hex.Encode(_protector.Protect(raw), prefix: false),
            };
        }
        finally
        {
            Array.Clear(raw);
        }
    }

    public PrivateKey Unprotect(NetworkAccount account)
    {
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
