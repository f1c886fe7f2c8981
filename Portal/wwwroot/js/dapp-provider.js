// NutPortal's EIP-1193 provider, injected by the portal as the first script of every page of an uploaded DApp front end.
// The page runs sandboxed (opaque origin); this script only forwards requests to the portal page that frames it
// (postMessage to the portal's origin, answers accepted only from the parent window) and announces itself through
// EIP-6963 and as window.ethereum. It holds no key and no state but the pending requests and the listeners.
(() => {
    const portalOrigin = new URL(document.currentScript.src).origin;
    const host = window.parent;
    if (host === window) {
        return; // opened on its own: there is no portal page to answer
    }
    const pending = new Map();
    const listeners = new Map();
    let nextId = 1;

    const providerError = ({ code, message, data }) => Object.assign(new Error(message), { code, data });

    const emit = (event, payload) => {
        for (const listener of [...(listeners.get(event) ?? [])]) {
            try {
                listener(payload);
            } catch (e) {
                console.error(e);
            }
        }
    };

    window.addEventListener('message', e => {
        const m = e.data;
        if (e.source !== host || !m || typeof m !== 'object' || m.nutportal === undefined) {
            return;
        }
        if (m.nutportal === 'response' && pending.has(m.id)) {
            const { resolve, reject } = pending.get(m.id);
            pending.delete(m.id);
            if (m.error) {
                reject(providerError(m.error));
            } else {
                resolve(m.result);
            }
        } else if (m.nutportal === 'event' && typeof m.event === 'string') {
            emit(m.event, m.data);
        }
    });

    const provider = {
        isNutPortal: true,
        // async, as MetaMask's: web3.js 4 treats a provider as EIP-1193 only when request is an AsyncFunction.
        async request(args) {
            if (!args || typeof args !== 'object' || typeof args.method !== 'string') {
                return Promise.reject(providerError({ code: -32600, message: 'request takes { method, params }.' }));
            }
            const id = nextId++;
            return new Promise((resolve, reject) => {
                pending.set(id, { resolve, reject });
                let params = args.params ?? [];
                try {
                    params = JSON.parse(JSON.stringify(params));
                } catch {
                    pending.delete(id);
                    reject(providerError({ code: -32602, message: 'params must be JSON.' }));
                    return;
                }
                host.postMessage({ nutportal: 'request', id, method: args.method, params }, portalOrigin);
            });
        },
        on(event, listener) {
            if (!listeners.has(event)) {
                listeners.set(event, new Set());
            }
            listeners.get(event).add(listener);
            return provider;
        },
        removeListener(event, listener) {
            listeners.get(event)?.delete(listener);
            return provider;
        },
        enable() {
            return provider.request({ method: 'eth_requestAccounts' });
        },
    };
    provider.off = provider.removeListener;
    provider.addListener = provider.on;
    Object.freeze(provider);

    const info = Object.freeze({
        uuid: crypto.randomUUID(),
        name: 'NutPortal wallet',
        icon: 'data:image/svg+xml;base64,' + btoa('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#8d6e63"/></svg>'),
        rdns: 'org.nutportal.wallet',
    });
    const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }));
    window.addEventListener('eip6963:requestProvider', announce);
    Object.defineProperty(window, 'ethereum', { value: provider, configurable: false, writable: false });
    announce();
})();
