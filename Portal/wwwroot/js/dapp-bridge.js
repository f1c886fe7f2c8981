// The portal side of a DApp frame's provider: requests posted by the frame (and only by it: event.source must be the
// iframe's window) go to .NET through a DotNetObjectReference; answers and events go back to that window alone, with
// the request's id. A frame that floods is answered at once with -32005 past a cap on requests in flight, so the page
// keeps its circuit for the user.
const MaxInFlight = 16;
// Blazor's circuit takes messages up to 32 KiB; a bigger request would cost the user the page, so it is refused here.
const MaxRequestChars = 16 * 1024;

export function attach(frame, dotnet) {
    let inFlight = 0;
    const post = message => frame.contentWindow?.postMessage(message, '*'); // the frame's origin is opaque ("null"): '*' is the only target
    const onMessage = async e => {
        const m = e.data;
        if (e.source !== frame.contentWindow || !m || m.nutportal !== 'request' || typeof m.method !== 'string' || !Number.isSafeInteger(m.id)) {
            return;
        }
        if (inFlight >= MaxInFlight) {
            post({ nutportal: 'response', id: m.id, error: { code: -32005, message: `Too many requests in flight (at most ${MaxInFlight}): wait for answers before asking again.` } });
            return;
        }
        const params = JSON.stringify(m.params ?? []);
        if (m.method.length > 100 || params.length > MaxRequestChars) {
            post({ nutportal: 'response', id: m.id, error: { code: -32602, message: `The request is too large: the portal takes methods up to 100 characters and params up to ${MaxRequestChars} characters of JSON.` } });
            return;
        }
        inFlight++;
        let reply;
        try {
            reply = JSON.parse(await dotnet.invokeMethodAsync('Request', m.method, params));
        } catch (err) {
            reply = { error: { code: -32603, message: 'The portal could not answer: ' + (err?.message ?? err) } };
        } finally {
            inFlight--;
        }
        post({ nutportal: 'response', id: m.id, ...reply });
    };
    window.addEventListener('message', onMessage);
    frame.src = frame.dataset.src; // only now: the provider's first request finds the bridge listening
    return {
        emit: (event, json) => post({ nutportal: 'event', event, data: JSON.parse(json) }),
        detach: () => window.removeEventListener('message', onMessage),
    };
}
