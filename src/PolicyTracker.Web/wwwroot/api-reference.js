// Starts Scalar's API reference from an external file, so the page needs no inline script under the CSP.
(() => {
    const app = document.getElementById('app');
    Scalar.createApiReference(app, {
        url: app.dataset.openapi,
        withDefaultFonts: false,
        telemetry: false,
        agent: { disabled: true },
        mcp: { disabled: true },
        hideClientButton: true,
        showDeveloperTools: 'never',
        authentication: { preferredSecurityScheme: 'Bearer' },
        metaData: { title: 'PolicyTracker API' },
    });
})();
