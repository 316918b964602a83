namespace Refinery.Storage;

/// <summary>The object asked for does not exist.</summary>
public sealed class ObjectNotFoundException(ObjectPath path)
    : Exception($"Object {path.ToUri()} does not exist.")
{
    public ObjectPath Path { get; } = path;
}
