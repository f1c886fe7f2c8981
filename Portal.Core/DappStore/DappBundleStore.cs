using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NutPortal.Core.Configuration;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.DappStore;

/// <summary>
/// Stores uploaded front ends: each upload becomes a new bundle version in a folder of its own, named by a random key.
/// The zip is unpacked into a scratch folder first; only a complete, checked bundle is moved into place and recorded,
/// so a refused or failed upload leaves nothing behind and the DApp keeps serving its previous bundle.
/// </summary>
public sealed class DappBundleStore(IDbContextFactory<PortalDbContext> dbFactory, IOptions<PortalOptions> portal, IOptions<DappStoreOptions> options, TimeProvider clock)
{
    public string Root => Path.Combine(portal.Value.ResolvedDataDirectory, "dapp-bundles");

    public async Task<StoreResult<DappBundle>> UploadAsync(string dappId, Stream zip, Caller caller, CancellationToken ct = default)
    {
        await using (var check = await dbFactory.CreateDbContextAsync(ct))
        {
            var (dapp, refusal) = await DappStoreService.LoadForChangeAsync(check, dappId, caller, ct);
            if (dapp is null)
            {
                return refusal!.Found ? StoreResult<DappBundle>.Refused(refusal.Refusal!) : StoreResult<DappBundle>.NotFound;
            }
        }
        var limits = options.Value;
        Directory.CreateDirectory(Root);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var scratch = Path.Combine(Root, ".incoming-" + key);
        var final = Path.Combine(Root, key);
        try
        {
            await using var buffered = await BufferAsync(zip, limits.MaxBundleBytes, ct);
            Directory.CreateDirectory(scratch);
            var (files, bytes) = BundleArchive.Extract(buffered, scratch, limits);
            Directory.Move(scratch, final);
            var bundle = await RecordAsync(dappId, key, files, bytes, caller, ct);
            return bundle is null ? StoreResult<DappBundle>.NotFound : StoreResult<DappBundle>.Ok(bundle);
        }
        catch (BundleRejectedException ex)
        {
            return StoreResult<DappBundle>.Invalid("bundle", ex.Message);
        }
        catch (InvalidDataException ex)
        {
            return StoreResult<DappBundle>.Invalid("bundle", $"The zip archive is damaged: {ex.Message}");
        }
        catch (IOException ex) when (ex is not FileNotFoundException)
        {
            // e.g. a file and a folder of the same name: the archive cannot be laid out as files.
            return StoreResult<DappBundle>.Invalid("bundle", $"The bundle's entries cannot be unpacked as files: {ex.Message}");
        }
        catch (DbUpdateException)
        {
            return StoreResult<DappBundle>.Invalid("bundle", "Another upload of this DApp finished at the same moment; upload again.");
        }
        finally
        {
            Remove(scratch);
            if (Directory.Exists(final) && !await KnownAsync(key, CancellationToken.None))
            {
                Remove(final);
            }
        }
    }

    /// <summary>The file a bundle path names, or null when the key is unknown or the path leaves the bundle.</summary>
    public async Task<string?> ResolveAsync(string key, string path, CancellationToken ct = default)
    {
        if (key.Length != 32 || !key.All(char.IsAsciiHexDigitLower) || !await KnownAsync(key, ct))
        {
            return null;
        }
        var root = Path.GetFullPath(Path.Combine(Root, key)) + Path.DirectorySeparatorChar;
        var relative = string.IsNullOrEmpty(path) || path.EndsWith('/') ? path + "index.html" : path;
        if (relative.Contains('\\') || relative.Split('/').Any(s => s is ".." or "."))
        {
            return null;
        }
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }

    private async Task<DappBundle?> RecordAsync(string dappId, string key, int files, long bytes, Caller caller, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dapp = await db.Dapps.FirstOrDefaultAsync(d => d.Id == dappId, ct);
        if (dapp is null)
        {
            return null;
        }
        var version = (await db.DappBundles.Where(b => b.DappId == dappId).MaxAsync(b => (int?)b.Version, ct) ?? 0) + 1;
        var bundle = new DappBundle
        {
            DappId = dappId, Version = version, Key = key, FileCount = files, TotalBytes = bytes, EntryPoint = "index.html",
            UploadedBy = caller.Name, UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.DappBundles.Add(bundle);
        await db.SaveChangesAsync(ct);
        dapp.BundleId = bundle.Id;
        dapp.FrontEnd = DappFrontEnd.Bundle;
        dapp.UpdatedAt = bundle.UploadedAt;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return bundle;
    }

    private async Task<bool> KnownAsync(string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DappBundles.AnyAsync(b => b.Key == key, ct);
    }

    /// <summary>Reads the upload into memory, refusing it as soon as it passes the size limit (whatever length it declared).</summary>
    private static async Task<MemoryStream> BufferAsync(Stream zip, long limit, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await zip.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new BundleRejectedException($"The bundle is larger than {limit} bytes, the limit (Portal:DappStore:MaxBundleBytes).");
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }

    private static void Remove(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
