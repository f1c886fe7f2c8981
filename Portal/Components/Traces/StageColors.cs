using NutPortal.Core.Traces;

namespace NutPortal.Web.Components.Traces;

/// <summary>The theme colours of stages: the waterfall marks slowest and running stages, the list's stage bar tells stages apart.</summary>
internal static class StageColors
{
    public static string Of(string kind) => kind switch
    {
        "slowest" => "var(--mud-palette-error)",
        "running" => "var(--mud-palette-warning)",
        _ => "var(--mud-palette-primary)",
    };

    public static string OfStage(string stage) => stage switch
    {
        TraceStages.BuiltAndSigned => "var(--mud-palette-secondary)",
        TraceStages.Submitted => "var(--mud-palette-tertiary)",
        TraceStages.Pending => "var(--mud-palette-warning)",
        TraceStages.Included => "var(--mud-palette-primary)",
        TraceStages.Confirmed => "var(--mud-palette-success)",
        _ => "var(--mud-palette-info)",
    };
}
