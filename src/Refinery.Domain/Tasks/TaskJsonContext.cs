using System.Text.Json.Serialization;

namespace Refinery.Domain.Tasks;

/// <summary>
/// Source-generated JSON for the task objects, in the API's wire form: snake_case, absent values omitted.
/// The catalog stores them in the same form, so a stored object is served without remapping.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TemplateParam))]
[JsonSerializable(typeof(WorkPath))]
[JsonSerializable(typeof(List<ProcessorDataSource>))]
[JsonSerializable(typeof(Sample))]
public sealed partial class TaskJsonContext : JsonSerializerContext
{
    /// <summary>The context with <see cref="WireJson"/>'s options; use it rather than <c>Default</c>.</summary>
    public static TaskJsonContext Wire { get; } = new(WireJson.NewOptions());
}
