namespace NutPortal.Core.Networks;

/// <summary>A network's status, nodes, deployment steps or audit log changed: readers reload it.</summary>
public sealed record NetworkChanged(string NetworkId);

/// <summary>A node produced blocks (published at most once per supervisor tick per node).</summary>
public sealed record NodeHeightChanged(string NetworkId, string NodeId, long Height);
