namespace NutPortal.Core.Scanning.Detectors;

/// <summary>Local struct or array variables that default to storage without being initialised.</summary>
public sealed class UninitializedStorageDetector : Detector
{
    public override string Name => "uninitialized-storage-pointer";
    public override string Category => ScanCategories.Other;
    public override string Severity => "high";
    public override string Title => "Uninitialised storage pointer";
    public override string Explanation => "Before Solidity 0.5 a local struct or array declared without a location is a storage pointer to slot 0: writing to it overwrites the contract's first state variables (often the owner or a lock).";
    public override string Advice => "Declare the local as memory, or initialise the storage pointer from a mapping or array element; compile with 0.5 or later, which rejects this.";

    public override IEnumerable<Finding> Detect(ScanContext context)
    {
        foreach (var statement in context.OfType("VariableDeclarationStatement").Where(s => s.Child("initialValue") is null))
        {
            foreach (var declaration in statement.ChildrenIn("declarations"))
            {
                if (declaration.Str("storageLocation") is "default" or "storage" && (declaration.TypeString.EndsWith("storage pointer", StringComparison.Ordinal) || declaration.TypeIdentifier.EndsWith("_storage_ptr", StringComparison.Ordinal)))
                {
                    yield return At(context, declaration, "high");
                }
            }
        }
    }
}
