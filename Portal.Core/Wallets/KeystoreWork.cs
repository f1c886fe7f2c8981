using Microsoft.Extensions.Options;
using NutPortal.Core.Ethereum.Keys;

namespace NutPortal.Core.Wallets;

/// <summary>
/// Keystore encryption and decryption off the caller's thread (a Blazor circuit or a request), at most
/// <see cref="WalletOptions.KeystoreConcurrency"/> at once: scrypt holds a core and up to 256 MiB for a second or more.
/// The cost check in <see cref="Keystore.Decrypt"/> runs before any KDF work, so a hostile file is refused at once.
/// </summary>
public sealed class KeystoreWork(IOptions<WalletOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.KeystoreConcurrency);

    public Task<PrivateKey> DecryptAsync(string json, string password, CancellationToken ct) =>
        RunAsync(() => Keystore.Decrypt(json, password), ct);

    public Task<string> EncryptAsync(PrivateKey key, string password, CancellationToken ct) =>
        RunAsync(() => Keystore.Encrypt(key, password, KeystoreKdf.Scrypt, options.Value.ExportScryptN), ct);

    private async Task<T> RunAsync<T>(Func<T> work, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            return await Task.Run(work, ct);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
