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

    private static int applied;

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

    [DllImport("libc.so.6", EntryPoint = "mallopt", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int mallopt(int parameter, int value);
}
