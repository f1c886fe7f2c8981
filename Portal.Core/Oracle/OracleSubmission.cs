using System.Text.RegularExpressions;

namespace NutPortal.Core.Oracle;

/// <summary>
/// Who is asking: the user (and token) behind a call, whether their roles see every request (of the networks they
/// operate), and the networks their organizations may see (<paramref name="NetworkIds"/>; null for the portal's
/// own work and Admins) and operate (<paramref name="OperatedNetworkIds"/>).
/// </summary>
public sealed record OracleCaller(string UserId, Guid? TokenId, bool SeesAll, bool MaySubmit,
    IReadOnlyCollection<string>? NetworkIds = null, IReadOnlyCollection<string>? OperatedNetworkIds = null);

/// <summary>A request as a caller submits it (from gRPC, the on-chain follower or a test).</summary>
public sealed record OracleSubmission(
    string NetworkId,
    string Url,
    string? Method = null,
    IReadOnlyDictionary<string, string>? Headers = null,
    byte[]? Body = null,
    int? TimeoutMs = null,
    string? Selector = null,
    OracleResultType ResultType = OracleResultType.String,
    int Decimals = 0,
    string? Contract = null,
    string? CallerRequestId = null,
    string? Callback = null,
    int? Retries = null,
    OracleNetworkSource? Source = null)
{
    /// <summary>
    /// One form for both ways of naming a network source: a <see cref="Source"/> gets its URL (what the log stores), and
    /// a <c>portal://</c> URL (how contracts name it on chain) its <see cref="Source"/>. A source without a selector picks
    /// its default value.
    /// </summary>
    public OracleSubmission Normalized()
    {
        var source = Source;
        if (source is null && OracleNetworkSource.IsSourceUrl(Url))
        {
            source = OracleNetworkSource.Parse(Url).Source;
        }
        if (source is null || (Source is not null && !string.IsNullOrEmpty(Url)))
        {
            return this;
        }
        return this with
        {
            Source = source,
            Url = source.ToUrl(),
            Selector = string.IsNullOrWhiteSpace(Selector) && ResultType != OracleResultType.Tuple ? source.DefaultSelector : Selector,
        };
    }
}

/// <summary>A field of a submission and what is wrong with it.</summary>
public sealed record OracleFieldError(string Field, string Message);

/// <summary>The submission's own checks (the network and the URL's addresses are checked by <see cref="OracleService"/>).</summary>
public static partial class OracleSubmissionRules
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"];

    public static List<OracleFieldError> Check(OracleSubmission s, OracleOptions limits)
    {
        var errors = new List<OracleFieldError>();
        if (string.IsNullOrWhiteSpace(s.NetworkId))
        {
            errors.Add(new("caller.network_id", "The network the request belongs to is required."));
        }
        if (s.Source is { } source)
        {
            errors.AddRange(source.Check());
            if (!string.IsNullOrEmpty(s.Url) && s.Url != source.ToUrl())
            {
                errors.Add(new("url", "Give either a url or a network source, not both."));
            }
        }
        else if (OracleNetworkSource.IsSourceUrl(s.Url))
        {
            errors.Add(new("url", OracleNetworkSource.Parse(s.Url).Error ?? "Not a network source."));
        }
        else if (!Uri.TryCreate(s.Url, UriKind.Absolute, out var uri))
        {
            errors.Add(new("url", "An absolute http:// or https:// URL is required."));
        }
        else if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add(new("url", $"The '{uri.Scheme}:' scheme is refused: only http and https."));
        }
        else if (s.Url.Length > 2048)
        {
            errors.Add(new("url", "At most 2048 characters."));
        }
        if (s.Method is { Length: > 0 } m && !Methods.Contains(m.ToUpperInvariant()))
        {
            errors.Add(new("method", $"One of {string.Join(", ", Methods)}."));
        }
        if (s.Body is { } body && body.Length > limits.MaxRequestBodyBytes)
        {
            errors.Add(new("body", $"At most Portal:Oracle:MaxRequestBodyBytes ({limits.MaxRequestBodyBytes} bytes)."));
        }
        if (s.TimeoutMs is { } t && (t < 100 || t > limits.MaxTimeoutMs))
        {
            errors.Add(new("timeout_ms", $"Between 100 and {limits.MaxTimeoutMs} ms (Portal:Oracle:MaxTimeoutMs)."));
        }
        if (s.Selector is { Length: > 500 })
        {
            errors.Add(new("selector", "At most 500 characters."));
        }
        else if (s.ResultType == OracleResultType.Tuple && OracleMapping.Parse(s.Selector).Error is { } mappingError)
        {
            errors.Add(new("selector", mappingError));
        }
        else if (s.ResultType != OracleResultType.Tuple && JsonSelector.Parse(s.Selector).Error is { } selectorError)
        {
            errors.Add(new("selector", selectorError));
        }
        if (s.Decimals is < 0 or > 18)
        {
            errors.Add(new("decimals", "Between 0 and 18."));
        }
        if (s.Retries is { } r && (r < 0 || r > limits.MaxRetries))
        {
            errors.Add(new("retries", $"Between 0 and {limits.MaxRetries} (Portal:Oracle:MaxRetries)."));
        }
        if (s.Contract is { Length: > 0 } c && !Address().IsMatch(c))
        {
            errors.Add(new("caller.contract", "A 0x-prefixed 20-byte hex address."));
        }
        if (s.CallerRequestId is { Length: > 100 })
        {
            errors.Add(new("caller.request_id", "At most 100 characters."));
        }
        if (s.Callback is { Length: > 200 })
        {
            errors.Add(new("callback", "At most 200 characters."));
        }
        foreach (var name in s.Headers?.Keys ?? [])
        {
            if (string.IsNullOrWhiteSpace(name) || name.Any(ch => ch <= ' ' || ch == ':' || ch > '~'))
            {
                errors.Add(new("headers", $"'{name}' is not a valid header name."));
            }
        }
        return errors;
    }

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex Address();
}
