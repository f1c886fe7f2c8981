// Monaco editor for the contract center. Monaco is loaded once with its AMD loader from lib/monaco/vs (copied at
// build time from node_modules). Edits are debounced and handed to .NET, which compiles and sends back markers.
let loading;

function loadMonaco() {
    if (window.monaco) {
        return Promise.resolve(window.monaco);
    }
    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = 'lib/monaco/vs/loader.js';
        script.onerror = () => reject(new Error('Monaco loader could not be loaded'));
        script.onload = () => {
            window.require.config({ paths: { vs: 'lib/monaco/vs' } });
            window.require(['vs/editor/editor.main'], () => resolve(window.monaco), reject);
        };
        document.head.appendChild(script);
    });
    return loading;
}

// One Monaco model per source file, named by its path; the editor shows the active one.
export async function create(element, dotnet, file, source, debounceMs) {
    const monaco = await loadMonaco();
    const models = new Map();
    // Scan findings per file: a file opened after the scan gets its marks when its model is created.
    const scanMarks = new Map();
    const modelFor = (name, text) => {
        let model = models.get(name);
        if (!model) {
            model = monaco.editor.createModel(text, 'sol', monaco.Uri.parse('inmemory://project/' + name));
            models.set(name, model);
            if (scanMarks.has(name)) {
                mark('scan', scanMarks.get(name), model);
            }
        }
        return model;
    };
    const editor = monaco.editor.create(element, {
        model: modelFor(file, source),
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 13,
        scrollBeyondLastLine: false,
    });
    // Each pending edit remembers its file, so switching files mid-debounce still reports the right one.
    const timers = new Map();
    editor.onDidChangeModelContent(() => {
        const model = editor.getModel();
        const name = [...models].find(([, m]) => m === model)[0];
        clearTimeout(timers.get(name));
        timers.set(name, setTimeout(() => dotnet.invokeMethodAsync('SourceChanged', name, model.getValue()), debounceMs));
    });
    // Compiler diagnostics and scan findings are kept under separate owners, so a recompile does not wipe the scan's marks.
    const mark = (owner, markers, model = editor.getModel()) => monaco.editor.setModelMarkers(model, owner, markers.map(m => ({
        severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : m.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info,
        message: m.message,
        source: owner,
        startLineNumber: m.line,
        startColumn: m.column,
        endLineNumber: m.endLine ?? m.line,
        // Without an end column a finding marks its whole line.
        endColumn: m.endColumn ?? (m.endLine ? m.column + 1 : model.getLineMaxColumn(Math.min(m.line, model.getLineCount()))),
    })));
    // A finding without a file (a single-source scan) belongs to the file on screen.
    const setScanMarkers = (markers) => {
        const active = [...models].find(([, m]) => m === editor.getModel())[0];
        scanMarks.clear();
        for (const m of markers) {
            const name = m.file ?? active;
            scanMarks.set(name, [...(scanMarks.get(name) ?? []), m]);
        }
        models.forEach((model, name) => mark('scan', scanMarks.get(name) ?? [], model));
    };
    return {
        setMarkers: (markers) => mark('solc', markers),
        setScanMarkers,
        markers: () => monaco.editor.getModelMarkers({ resource: editor.getModel().uri })
            .map(m => ({ owner: m.owner, line: m.startLineNumber, severity: m.severity, message: m.message })),
        showFile: (name, text) => editor.setModel(modelFor(name, text)),
        removeFile: (name) => { clearTimeout(timers.get(name)); models.get(name)?.dispose(); models.delete(name); },
        setValue: (text) => editor.setValue(text),
        getValue: () => editor.getValue(),
        dispose: () => { timers.forEach(clearTimeout); editor.dispose(); models.forEach(m => m.dispose()); },
    };
}
