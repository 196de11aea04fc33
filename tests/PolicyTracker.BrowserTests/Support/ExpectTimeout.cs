using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Support;

// Playwright's assertions retry until their condition holds or 5 s pass. CI runs the browser and
// integration tests at the same time on two cores, and a page that renders in 300 ms alone once
// took longer than 5 s there: two tests failed for want of patience, not of a right answer. Every
// assertion in this assembly waits up to 30 s; one that holds returns as soon as it does.
internal static class ExpectTimeout
{
    [ModuleInitializer]
    internal static void Lengthen() => Assertions.SetDefaultExpectTimeout(30_000);
}
