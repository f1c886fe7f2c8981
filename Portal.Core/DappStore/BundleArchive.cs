using System.IO.Compression;

namespace NutPortal.Core.DappStore;

/// <summary>A refused bundle and why, in words that name the problem (and the entry, when one entry is at fault).</summary>
public sealed class BundleRejectedException(string message) : Exception(message);

/// <summary>
/// Unpacks an uploaded front-end zip into an empty folder, refusing hostile archives before or while writing:
/// too many entries, names that are absolute or climb out with "..", symbolic links (Unix mode in the entry's
/// external attributes), duplicate names, and zip bombs (decompressed bytes are counted as they are written, the
/// sizes the archive declares are not trusted). The caller deletes the folder when this throws.
/// </summary>
public static class BundleArchive
{
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymlink = 0xA000;

    public static (int Files, long Bytes) Extract(Stream zip, string folder, DappStoreOptions limits)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new BundleRejectedException("The bundle is not a zip archive.");
        }
        using (archive)
        {
            var entries = archive.Entries;
            if (entries.Count > limits.MaxFiles)
            {
                throw new BundleRejectedException($"The bundle has {entries.Count} entries; the limit is {limits.MaxFiles} files.");
            }
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in entries)
            {
                Check(entry, names);
            }
            if (!names.Contains("index.html"))
            {
                throw new BundleRejectedException("The bundle has no index.html at its root.");
            }
            var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
            long written = 0;
            var files = 0;
            foreach (var entry in entries.Where(e => !e.FullName.EndsWith('/')))
            {
                var target = Path.GetFullPath(Path.Combine(root, entry.FullName));
                if (!target.StartsWith(root, StringComparison.Ordinal))
                {
                    throw new BundleRejectedException($"The entry '{Shorten(entry.FullName)}' escapes the bundle's folder.");
                }
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                written = Copy(entry, target, written, limits.MaxExpandedBytes);
                files++;
            }
            return (files, written);
        }
    }

    private static void Check(ZipArchiveEntry entry, HashSet<string> names)
    {
        var name = entry.FullName;
        var shown = Shorten(name);
        if (name.Length == 0 || name.Contains('\0'))
        {
            throw new BundleRejectedException("The bundle has an entry without a usable name.");
        }
        if (name.Contains('\\'))
        {
            throw new BundleRejectedException($"The entry '{shown}' uses a backslash; zip paths use '/'.");
        }
        if (name.StartsWith('/') || (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0])))
        {
            throw new BundleRejectedException($"The entry '{shown}' has an absolute path; paths in a bundle are relative to its root.");
        }
        if (name.Split('/').Any(segment => segment == ".."))
        {
            throw new BundleRejectedException($"The entry '{shown}' climbs out of the bundle with '..'.");
        }
        if (((entry.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymlink)
        {
            throw new BundleRejectedException($"The entry '{shown}' is a symbolic link; bundles hold only files and folders.");
        }
        if (!name.EndsWith('/') && !names.Add(name))
        {
            throw new BundleRejectedException($"The entry '{shown}' appears twice.");
        }
    }

    private static long Copy(ZipArchiveEntry entry, string target, long written, long limit)
    {
        using var input = entry.Open();
        using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            written += read;
            if (written > limit)
            {
                throw new BundleRejectedException($"The bundle expands past {limit} bytes (at '{Shorten(entry.FullName)}'): refused as a zip bomb.");
            }
            output.Write(buffer, 0, read);
        }
        return written;
    }

    private static string Shorten(string name) => name.Length > 120 ? name[..120] + "…" : name;
}
