namespace NutPortal.Core.Oracle;

/// <summary>Filters of the Oracle page and <c>GET /api/v1/oracle/requests</c>; every one optional.</summary>
public sealed record OracleQuery(
    string? NetworkId = null,
    string? Contract = null,
    string? Host = null,
    OracleStatus? Status = null,
    DateTime? From = null,
    DateTime? To = null)
{
    public IQueryable<OracleRequest> Apply(IQueryable<OracleRequest> requests)
    {
        if (!string.IsNullOrWhiteSpace(NetworkId))
        {
            requests = requests.Where(r => r.NetworkId == NetworkId);
        }
        if (!string.IsNullOrWhiteSpace(Contract))
        {
            var contract = Contract.Trim().ToLowerInvariant();
            requests = requests.Where(r => r.Contract == contract);
        }
        if (!string.IsNullOrWhiteSpace(Host))
        {
            var host = Host.Trim().ToLowerInvariant();
            requests = requests.Where(r => r.Host == host);
        }
        if (Status is { } status)
        {
            requests = requests.Where(r => r.Status == status);
        }
        if (From is { } from)
        {
            requests = requests.Where(r => r.CreatedAt >= from);
        }
        if (To is { } to)
        {
            requests = requests.Where(r => r.CreatedAt < to);
        }
        return requests;
    }
}
