namespace NutPortal.Core.Contracts;

/// <summary>A starting point in the contract center: Solidity source and the contract to deploy from it.</summary>
public sealed record ContractTemplate(string Id, string Name, string Description, string MainContract, string Source);
