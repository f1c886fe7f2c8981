using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Wallets;

/// <summary>A wallet account as its owner sees it (never the key).</summary>
public sealed record WalletAccountView(long Id, string Name, string Address, WalletOrigin Origin, DateTime CreatedAt)
{
    public static WalletAccountView From(WalletAccount a) => new(a.Id, a.Name, a.Address, a.Origin, a.CreatedAt);
}

/// <summary>
/// A user's wallet accounts: create, import (private key or keystore V3), export as keystore V3, delete. Every call
/// names the user: another user's account does not exist for them (<see cref="WalletFailureKind.NotFound"/>).
/// </summary>
public sealed class WalletService(
    IDbContextFactory<PortalDbContext> dbFactory, WalletKeys keys, KeystoreWork keystores, IOptions<WalletOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<WalletAccountView>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.WalletAccounts.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Id).ToListAsync(ct);
        return [.. rows.Select(WalletAccountView.From)];
    }

    public async Task<WalletAccountView> GetAsync(string userId, long accountId, CancellationToken ct = default) =>
        WalletAccountView.From(await FindAsync(userId, accountId, ct));

    public Task<WalletAccountView> CreateAsync(string userId, string? name, CancellationToken ct = default) =>
        SaveAsync(userId, name, PrivateKey.Generate(), WalletOrigin.Created, ct);

    public Task<WalletAccountView> ImportKeyAsync(string userId, string? name, string? privateKey, CancellationToken ct = default)
    {
        PrivateKey key;
        try
        {
            key = PrivateKey.FromHex(privateKey?.Trim() ?? "");
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            // The message never repeats the input: it is a secret.
            throw new WalletFailureException(WalletFailureKind.InvalidInput, "privateKey", "Not a private key: expected 32 bytes as 64 hex digits (0x optional), in the curve's range.");
        }
        return SaveAsync(userId, name, key, WalletOrigin.ImportedKey, ct);
    }

    public async Task<WalletAccountView> ImportKeystoreAsync(string userId, string? name, string? keystoreJson, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(keystoreJson))
        {
            throw new WalletFailureException(WalletFailureKind.InvalidInput, "keystore", "Attach the keystore V3 file.");
        }
        if (System.Text.Encoding.UTF8.GetByteCount(keystoreJson) > options.Value.MaxKeystoreBytes)
        {
            throw new WalletFailureException(WalletFailureKind.InvalidInput, "keystore", $"The keystore file is larger than {options.Value.MaxKeystoreBytes} bytes (Portal:Wallets:MaxKeystoreBytes); a V3 file is under 1 KiB.");
        }
        PrivateKey key;
        try
        {
            key = await keystores.DecryptAsync(keystoreJson, password ?? "", ct);
        }
        catch (KeystoreException e)
        {
            throw new WalletFailureException(WalletFailureKind.InvalidInput, e.Message.StartsWith("Wrong password", StringComparison.Ordinal) ? "password" : "keystore", e.Message);
        }
        catch (ArgumentException)
        {
            throw new WalletFailureException(WalletFailureKind.InvalidInput, "keystore", "The keystore decrypts, but not to a valid secp256k1 private key.");
        }
        return await SaveAsync(userId, name, key, WalletOrigin.ImportedKeystore, ct);
    }

    /// <summary>The account's key as a keystore V3 file (scrypt) under <paramref name="password"/>.</summary>
    public async Task<string> ExportKeystoreAsync(string userId, long accountId, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(password) || password.Length < 8)
        {
            throw new WalletFailureException(WalletFailureKind.InvalidInput, "password", "Choose a password of at least 8 characters for the keystore file.");
        }
        var account = await FindAsync(userId, accountId, ct);
        using var key = keys.Unprotect(account);
        return await keystores.EncryptAsync(key, password, ct);
    }

    public async Task DeleteAsync(string userId, long accountId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.WalletAccounts.Where(a => a.Id == accountId && a.UserId == userId).ExecuteDeleteAsync(ct) == 0)
        {
            throw NotFound(accountId);
        }
    }

    /// <summary>The stored account with its protected key, for the wallet's own services.</summary>
    internal async Task<WalletAccount> FindAsync(string userId, long accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WalletAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId && a.UserId == userId, ct) ?? throw NotFound(accountId);
    }

    private async Task<WalletAccountView> SaveAsync(string userId, string? name, PrivateKey key, WalletOrigin origin, CancellationToken ct)
    {
        using (key)
        {
            var trimmed = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
            if (trimmed is { Length: > 100 })
            {
                throw new WalletFailureException(WalletFailureKind.InvalidInput, "name", "A name has at most 100 characters.");
            }
            var address = key.Address.ToString();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var count = await db.WalletAccounts.CountAsync(a => a.UserId == userId, ct);
            if (count >= options.Value.MaxAccountsPerUser)
            {
                throw new WalletFailureException(WalletFailureKind.InvalidInput, "name", $"A wallet holds at most {options.Value.MaxAccountsPerUser} accounts (Portal:Wallets:MaxAccountsPerUser).");
            }
            if (await db.WalletAccounts.AnyAsync(a => a.UserId == userId && a.Address == address, ct))
            {
                throw new WalletFailureException(WalletFailureKind.Duplicate, "privateKey", $"Account {address} is already in your wallet.");
            }
            var account = new WalletAccount
            {
                UserId = userId,
                Name = trimmed ?? $"Account {count + 1}",
                Address = address,
                ProtectedPrivateKey = keys.Protect(key),
                Origin = origin,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.WalletAccounts.Add(account);
            await db.SaveChangesAsync(ct);
            return WalletAccountView.From(account);
        }
    }

    private static WalletFailureException NotFound(long accountId) =>
        new(WalletFailureKind.NotFound, "account", $"No wallet account {accountId}.");
}
