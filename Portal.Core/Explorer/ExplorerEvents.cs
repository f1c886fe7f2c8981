namespace NutPortal.Core.Explorer;

/// <summary>The indexer stored blocks <paramref name="From"/>..<paramref name="To"/> of a network (after a reorganisation, replacements).</summary>
public sealed record BlocksIndexed(string NetworkId, long From, long To, int Transactions);
