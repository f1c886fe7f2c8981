using NutPortal.Core.Organizations;

namespace NutPortal.Web.Organizations;

/// <summary>Marks a page whose route parameter names a network or a contract project: <see cref="ResourceGate"/>
/// shows "not found" to anyone who may not see it, as the API answers 404.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ResourceRouteAttribute(ResourceKind kind, string parameter) : Attribute
{
    public ResourceKind Kind { get; } = kind;

    public string Parameter { get; } = parameter;
}
