using Plotly.Blazor;

namespace NutPortal.Web.Components.Shared;

/// <summary>
/// <see cref="PlotlyChart"/> whose first drawing can be abandoned. PlotlyChart draws its first frame with a JS call
/// that has no timeout, and its disposal waits for that call: a tab closed mid-draw left the call unanswered, so the
/// circuit was never disposed (memory held until the process ended) and a portal stop waited on it until the host
/// gave up. Here disposal cancels the drawing first, and a drawing whose element is already gone is dropped.
/// </summary>
public sealed class PortalPlot : PlotlyChart, IAsyncDisposable
{
    private readonly CancellationTokenSource _gone = new();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            await base.OnAfterRenderAsync(firstRender);
            return;
        }
        try
        {
            await NewPlot(_gone.Token);
        }
        catch (OperationCanceledException) when (_gone.IsCancellationRequested)
        {
            return;
        }
        catch (Microsoft.JSInterop.JSException e) when (e.Message.Contains("No DOM element", StringComparison.Ordinal))
        {
            // The user left the page between this chart's render and its first drawing: its element is gone, and so is
            // the reason to draw. Unhandled, the circuit logged it to the browser console as an error on the next page.
            return;
        }
        AfterRender?.Invoke();
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await _gone.CancelAsync();
        await DisposeAsync();
        _gone.Dispose();
    }
}
