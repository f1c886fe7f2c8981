using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using NutPortal.Core.Contracts;
using NutPortal.Core.Contracts.Templates;
using NutPortal.Core.Scanning;

namespace NutPortal.Web.Components.Contracts;

/// <summary>Monaco editor with compile-as-you-type: JS debounces edits, .NET compiles and sends markers back.</summary>
public sealed partial class ContractEditor
{
    private readonly CancellationTokenSource _disposed = new();
    private ElementReference _host;
    private IJSObjectReference? _module;
    private IJSObjectReference? _editor;
    private DotNetObjectReference<ContractEditor>? _self;
    private ContractEditorModel _model = null!;
    private string? _newFile;
    private string? _fileMessage;
    private MudForm? _saveForm;

    /// <remarks>Set once: a new delegate on every render would be a changed parameter, and the field would render again.</remarks>
    private Func<string?, string?> _nameValidation = null!;

    [Parameter]
    public string? ProjectId { get; set; }

    [SupplyParameterFromQuery(Name = "template")]
    public string? TemplateId { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ContractCompiler Compiler { get; set; } = default!;

    [Inject]
    private ContractProjects Projects { get; set; } = default!;

    [Inject]
    private IOptions<ContractOptions> Options { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private AuthenticationStateProvider Auth { get; set; } = default!;

    [Inject]
    private NutPortal.Web.Organizations.CallerAccessor Callers { get; set; } = default!;

    [Inject]
    private NutPortal.Core.Organizations.OrganizationAccess Access { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _model = new ContractEditorModel(Compiler);
        _nameValidation = name => _model.ProjectId is null ? ContractEditorModel.NameProblem(name) : null;
        if (ProjectId is not null && await Projects.GetAsync(ProjectId, _disposed.Token) is { } project && project.Versions.Count > 0)
        {
            var latest = project.Versions[^1];
            _model.Load(ContractProjects.Sources(latest), project.Name, project.Id, null);
        }
        else if (TemplateId is not null && ContractTemplates.Find(TemplateId) is { } template)
        {
            _model.Load(template.Source, null, null, template.Id);
            _model.NewName = template.Name;
        }
        else
        {
            _model.Load("// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\n\ncontract MyContract {\n}\n", null, null, null);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", _disposed.Token, "./js/editor.js");
        _editor = await _module.InvokeAsync<IJSObjectReference>("create", _disposed.Token, _host, _self, _model.ActiveFile, _model.Source, Options.Value.EditorDebounceMilliseconds);
        await SourceChanged(_model.ActiveFile, _model.Source);
    }

    /// <summary>Called from JS after the user stops typing in a file; compiles all files and shows the active file's diagnostics as markers.</summary>
    [JSInvokable]
    public async Task SourceChanged(string file, string source)
    {
        // An edit that was still debouncing when its file was removed is dropped, not resurrected.
        if (!_model.FileNames.Contains(file))
        {
            return;
        }
        if (await _model.CompileAsync(file, source, _disposed.Token) && _editor is not null)
        {
            await _editor.InvokeVoidAsync("setMarkers", _disposed.Token, _model.Markers());
        }
        StateHasChanged();
    }

    private async Task ShowFileAsync(string name)
    {
        if (_model.Activate(name) && _editor is not null)
        {
            await _editor.InvokeVoidAsync("showFile", _disposed.Token, name, _model.Source);
            await _editor.InvokeVoidAsync("setMarkers", _disposed.Token, _model.Markers());
        }
    }

    private async Task AddFileAsync()
    {
        _fileMessage = _model.AddFile(_newFile);
        if (_fileMessage is null)
        {
            _newFile = null;
            await ShowFileAsync(_model.ActiveFile);
            await SourceChanged(_model.ActiveFile, _model.Source);
        }
    }

    private async Task RemoveFileAsync(string name)
    {
        if (_model.RemoveFile(name) && _editor is not null)
        {
            await _editor.InvokeVoidAsync("removeFile", _disposed.Token, name);
            await ShowFileAsync(_model.ActiveFile);
            await SourceChanged(_model.ActiveFile, _model.Source);
        }
    }

    /// <summary>Marks each scan finding on its line in the editor, next to (not replacing) the compiler's markers.</summary>
    private async Task ShowFindingsAsync(IReadOnlyList<Finding> findings)
    {
        if (_editor is not null)
        {
            await _editor.InvokeVoidAsync("setScanMarkers", _disposed.Token, ContractEditorModel.ScanMarkers(findings));
        }
    }

    private async Task SaveAsync()
    {
        await _saveForm!.ValidateAsync();
        if (!_saveForm.IsValid)
        {
            return;
        }
        var user = (await Auth.GetAuthenticationStateAsync()).User.Identity?.Name ?? "unknown";
        var caller = await Callers.GetAsync(_disposed.Token);
        var organization = _model.ProjectId is null ? caller.CurrentOrganizationId : await Access.ProjectOrganizationAsync(_model.ProjectId, caller, _disposed.Token);
        if (organization is null || !caller.CanDevelopIn(organization))
        {
            _model.SaveMessage = "Not saved: your roles in the organization do not include Developer or Owner.";
            return;
        }
        var saved = await _model.SaveAsync(Projects, user, organization, _disposed.Token);
        if (saved is not null)
        {
            Navigation.NavigateTo($"contracts/{saved}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        try
        {
            if (_editor is not null)
            {
                await _editor.InvokeVoidAsync("dispose");
                await _editor.DisposeAsync();
            }
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; the browser has dropped the editor with it.
        }
        _self?.Dispose();
        _disposed.Dispose();
    }
}
