using WithUs.Web.Infrastructure;

namespace WithUs.Tests.Infrastructure;

public sealed class NativeHeapTests
{
    /// <summary>WithUs is built and tested on Debian (glibc), where the setting must take; a wrong library name or
    /// entry point would otherwise fail silently and leave the model's freed buffers resident.</summary>
    [Fact]
    public void ReturnLargeBlocks_OnLinuxWithGlibc_TakesTheSetting()
    {
        if (!OperatingSystem.IsLinux())
        {
            NativeHeap.ReturnLargeBlocks().ShouldBeFalse();
            return;
        }

        NativeHeap.ReturnLargeBlocks().ShouldBeTrue();
        NativeHeap.ReturnLargeBlocks().ShouldBeTrue();
    }
}
