using System.Runtime.InteropServices;

namespace WithUs.Web.Infrastructure;

/// <summary>
/// The C library's heap, which native code in the process (the sentence model's ONNX Runtime, SQLite) allocates from.
/// On Linux with glibc, a large block that is freed raises the size from which blocks are mapped separately, so later
/// large blocks come from the heap and their memory stays with the process after they are freed: the model's
/// buffers for one long text kept a few hundred megabytes resident for good. Fixing that size at 128 KB (glibc's
/// default before it adapts) gives each large block back when it is freed. Elsewhere, or with another C library,
/// this does nothing.
/// </summary>
public static class NativeHeap
{
    private const int MmapThreshold = -3;
    private const int ArenaMax = -8;

    private static int applied;

    /// <summary>
    /// Lets the C library keep one heap ("arena") per core rather than its default of eight per core. Each thread that
    /// allocates natively (SQLite's page caches, the model's buffers) under contention is otherwise given an arena of
    /// its own, and what is freed in one arena cannot serve another: under a steady load of many requests the
    /// process's resident memory crept up by tens of megabytes over half an hour while the managed heap stayed flat
    /// (docs/performance.md, "Memory over half an hour"). Call it first, before the threads that serve requests exist;
    /// arenas already made stay. An operator's own <c>MALLOC_ARENA_MAX</c> is left to rule. True when the setting is in
    /// place (glibc on Linux).
    /// </summary>
    public static bool OneArenaPerCore()
    {
        if (!OperatingSystem.IsLinux() || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX")))
        {
            return false;
        }

        try
        {
            return mallopt(ArenaMax, Math.Max(2, Environment.ProcessorCount)) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>True when the setting is in place (glibc on Linux), false where there is nothing to change.</summary>
    public static bool ReturnLargeBlocks()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        if (Volatile.Read(ref applied) == 1)
        {
            return true;
        }

        try
        {
            // mallopt answers 1 when it took the setting.
            var taken = mallopt(MmapThreshold, 128 * 1024) == 1;
            Volatile.Write(ref applied, taken ? 1 : 0);
            return taken;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has no such setting): nothing to change.
            return false;
        }
    }

    /// <summary>
    /// Tells the system that the first <paramref name="length"/> bytes of an assembly's embedded resource, read once,
    /// are not needed in memory: its pages stop counting towards the process, and come back from the file if ever read
    /// again (the resource is part of the assembly as mapped from its file, and is never written). Only whole pages are
    /// given up. Does nothing, and answers false, off Linux, or when the assembly was not loaded from a file of its own
    /// (loaded from bytes, its resources could be the only copy: given up, they would read as zeros).
    /// </summary>
    public static unsafe bool ForgetPagesRead(System.Reflection.Assembly owner, Stream resource, long length)
    {
        if (!OperatingSystem.IsLinux() || string.IsNullOrEmpty(owner.Location) || resource is not UnmanagedMemoryStream mapped)
        {
            return false;
        }

        var page = Environment.SystemPageSize;
        var origin = (nint)(mapped.PositionPointer - mapped.Position);
        var start = (origin + page - 1) / page * page;
        var end = (origin + (nint)Math.Min(length, mapped.Length)) / page * page;
        if (end <= start)
        {
            return false;
        }

        try
        {
            return madvise(start, end - start, MadviseDontNeed) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private const int MadviseDontNeed = 4;

    [DllImport("libc.so.6", EntryPoint = "madvise", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int madvise(nint address, nint length, int advice);

    [DllImport("libc.so.6", EntryPoint = "mallopt", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int mallopt(int parameter, int value);
}
