namespace PolicyTracker.Web.Components.Shared;

public static class ChartScale
{
    /// <summary>Bar chart options with a y-axis step that suits small counts (MudBlazor's default step is 20).</summary>
    public static MudBlazor.BarChartOptions BarsFor(IEnumerable<int> values)
    {
        var max = values.DefaultIfEmpty(0).Max();
        var step = max switch
        {
            <= 8 => 1,
            <= 20 => 2,
            <= 50 => 5,
            <= 100 => 10,
            _ => Math.Max(10, (int)Math.Ceiling(max / 8.0 / 10) * 10),
        };
        return new MudBlazor.BarChartOptions { YAxisTicks = step, MaxNumYAxisTicks = 10, ShowValues = max <= 40 };
    }
}
