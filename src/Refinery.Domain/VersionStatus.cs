namespace Refinery.Domain;

/// <summary>The lifecycle status of a processing task version (and of its task, which follows its latest version).</summary>
public enum VersionStatus
{
    Initialized = 0,
    Running = 1,
    Completed = 2,
    Failed = 3,
    Stopped = 4,
}
