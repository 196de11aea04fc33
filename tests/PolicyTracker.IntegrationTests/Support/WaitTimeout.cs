using System.Runtime.CompilerServices;
using Bunit;

namespace PolicyTracker.IntegrationTests.Support;

// bUnit's WaitForAssertion and WaitForState give up after 1 s. CI runs the browser and integration
// tests at the same time on two cores, where a form's save (validation, a database round trip, a
// render) can take longer than that; a test then fails for want of patience, not of a right
// answer. Every wait in this assembly lasts up to 20 s; one whose condition holds returns at once.
internal static class WaitTimeout
{
    [ModuleInitializer]
    internal static void Lengthen() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(20);
}
