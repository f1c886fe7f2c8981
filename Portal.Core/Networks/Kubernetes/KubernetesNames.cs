using System.Security.Cryptography;
using System.Text;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>Resource names and label values derived from a network and its nodes.</summary>
public static class KubernetesNames
{
    /// <summary>
    /// 52, not the DNS label's 63: a StatefulSet's pods carry a <c>controller-revision-hash</c> label made of
    /// the StatefulSet name plus an 11-character suffix, and a label value is at most 63 characters.
    /// </summary>
    public const int MaxResourceNameLength = 52;

    public const int MaxLabelValueLength = 63;

    private const int HashLength = 8;

    /// <summary>
    /// The name of every resource of one node: readable network and node names plus a hash of the network id
    /// and node name, so two networks with the same name (or names that slug alike) never share resources.
    /// Starts with a letter because Service names are DNS-1035 labels.
    /// </summary>
    public static string NodeResourceName(string networkName, string networkId, string nodeName)
    {
        var hash = Hash(networkId + "\n" + nodeName);
        // Two separators, and room for an "n-" prefix when the network name starts with a digit.
        var room = MaxResourceNameLength - HashLength - 4;
        var network = Slug(networkName);
        var node = Slug(nodeName);
        var nodeRoom = Math.Min(node.Length, Math.Max(room / 3, room - network.Length));
        node = TrimDashes(node[..nodeRoom]);
        network = TrimDashes(network[..Math.Min(network.Length, room - node.Length)]);
        var parts = new[] { network, node, hash }.Where(p => p.Length > 0);
        var name = string.Join('-', parts);
        return char.IsAsciiLetterLower(name[0]) ? name : "n-" + name;
    }

    /// <summary>A valid label value (at most 63 of <c>[A-Za-z0-9._-]</c>, alphanumeric at both ends).</summary>
    public static string LabelValue(string value)
    {
        var chars = value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray();
        var text = new string(chars);
        text = text[..Math.Min(text.Length, MaxLabelValueLength)];
        return text.Trim('-', '_', '.');
    }

    /// <summary>RFC 1123 label: what Kubernetes requires of namespace names.</summary>
    public static bool IsDns1123Label(string? value) =>
        value is { Length: > 0 and <= 63 } && IsAlnumLower(value[0]) && IsAlnumLower(value[^1])
        && value.All(c => IsAlnumLower(c) || c == '-');

    /// <summary>RFC 1123 subdomain: what Kubernetes requires of storage class names.</summary>
    public static bool IsDns1123Subdomain(string? value) =>
        value is { Length: > 0 and <= 253 } && value.Split('.').All(IsDns1123Label);

    /// <summary>Lowercase letters, digits and single dashes.</summary>
    internal static string Slug(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            if (IsAlnumLower(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        return TrimDashes(sb.ToString());
    }

    private static string TrimDashes(string value) => value.Trim('-');

    private static bool IsAlnumLower(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);

    private static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..HashLength];
}
