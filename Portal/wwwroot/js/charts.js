// Small Plotly interop for live metric charts. Plotly (lib/plotly/plotly.min.js) is loaded on first use.
let loading;

function plotly() {
    if (window.Plotly) {
        return Promise.resolve(window.Plotly);
    }
    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = 'lib/plotly/plotly.min.js';
        script.onload = () => resolve(window.Plotly);
        script.onerror = () => reject(new Error('Could not load Plotly'));
        document.head.appendChild(script);
    });
    return loading;
}

// series: [{ name, x: [iso times], y: [values] }]
export async function render(element, title, unit, series) {
    const Plotly = await plotly();
    const traces = series.map(s => ({ name: s.name, x: s.x, y: s.y, type: 'scatter', mode: 'lines', line: { width: 2 } }));
    await Plotly.react(element, traces, {
        title: { text: title, font: { size: 13 }, x: 0.02 },
        height: 220,
        margin: { t: 32, r: 12, b: 36, l: 56 },
        showlegend: series.length > 1,
        legend: { orientation: 'h', y: -0.25 },
        xaxis: { type: 'date' },
        yaxis: { title: { text: unit }, rangemode: 'tozero' },
    }, { displayModeBar: false, responsive: true });
    element.dataset.points = String(series.reduce((n, s) => n + s.y.length, 0));
}

// xs, ys: one array of new values per trace in indices.
export async function extend(element, xs, ys, indices, maxPoints) {
    const Plotly = await plotly();
    if (!element.data) {
        return;
    }
    Plotly.extendTraces(element, { x: xs, y: ys }, indices, maxPoints);
    element.dataset.points = String(element.data.reduce((n, t) => n + t.y.length, 0));
}

export function dispose(element) {
    if (window.Plotly && element) {
        window.Plotly.purge(element);
    }
}
