namespace Search.Api.Tests;

/// <summary>A fact that needs root on Linux (it mounts a tmpfs); skipped, with the reason, anywhere else.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            Skip = "Needs root on Linux to mount a small tmpfs.";
        }
    }
}
