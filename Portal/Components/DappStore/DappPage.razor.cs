using Microsoft.AspNetCore.Components;
using NutPortal.Core.DappStore;
using NutPortal.Core.Live;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.Components.DappStore;

/// <summary>A DApp's page: what it is, where it runs, its live counters (pushed as the explorer indexes its network), its
/// front end, reviews and discussion.</summary>
public sealed partial class DappPage
{
    private DappDetail? _detail;
    private DappStatsChanged? _stats;
    private IDisposable? _subscription;
    private bool _loaded;

    [Inject] private DappCatalog Catalog { get; set; } = default!;

    [Inject] private DappLiveCounters Counters { get; set; } = default!;

    [Inject] private LiveNotifier Notifier { get; set; } = default!;

    [Inject] private CallerAccessor Callers { get; set; } = default!;

    [Parameter] public string Id { get; set; } = "";

    protected override async Task OnParametersSetAsync()
    {
        _subscription?.Dispose();
        _subscription = null;
        await ReloadAsync();
        _loaded = true;
        if (_detail is not null)
        {
            _stats = await Counters.ReadAsync(Id);
            var id = Id;
            _subscription = Notifier.Subscribe<DappStatsChanged>(e => e.DappId != id ? Task.CompletedTask : InvokeAsync(() =>
            {
                _stats = e;
                StateHasChanged();
            }));
        }
    }

    private async Task ReloadAsync() => _detail = await Catalog.GetAsync(Id, await Callers.GetAsync());

    public void Dispose() => _subscription?.Dispose();
}
