namespace NetControl.Benchmarking.Reporting;

/// <summary>A benchmark run: where it ran and every case.</summary>
public sealed record BenchReport(string Suite, MachineInfo Machine, IReadOnlyList<BenchCase> Cases);

/// <summary>The machine and runtime a run measured.</summary>
public sealed record MachineInfo(int Cores, string Os, string Runtime, bool Release)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        IsRelease());

    private static bool IsRelease()
    {
#if DEBUG
        return false;
#else
        return true;
#endif
    }
}
