using System.Text;
using System.Text.Json.Nodes;
using OpenCvSharp;
using Refinery.Domain;
using Refinery.Formats.Voc;
using Refinery.Operators.Validation;

namespace Refinery.Operators.Tests.Validation;

/// <summary>Inputs in bucket <c>in</c>, an output directory, and MetaValidation run over them; deleted on dispose.</summary>
internal sealed class ValidationHarness : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("refinery-validation-").FullName;

    public ValidationHarness()
    {
        Inputs = new TempDirectoryObjectStore(Path.Combine(_root, "store"));
        Output = new TempDirectoryOutputWriter(Path.Combine(_root, "Data"), Inputs);
    }

    public TempDirectoryObjectStore Inputs { get; }

    public TempDirectoryOutputWriter Output { get; }

    /// <summary>Stores an input object and returns its URI.</summary>
    public string Put(string key, byte[] content)
    {
        var file = Path.Combine(Inputs.Root, "in", key);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, content);
        return $"obs://in/{key}";
    }

    public string Put(string key, string content) => Put(key, Encoding.UTF8.GetBytes(content));

    public Task<SampleOutcome> RunAsync(Sample sample, string outputName, string taskType = TaskTypes.ImageClassification, JsonObject? parameters = null)
    {
        var all = parameters ?? [];
        all["task_type"] ??= taskType;
        var validation = new MetaValidationOperator(MetaValidationParams.Parse(new OperatorParameters(all)));
        return validation.ProcessAsync(new SampleWork(sample, outputName, taskType), new SampleEnvironment(Inputs, Output), CancellationToken.None).AsTask();
    }

    public Task<SampleOutcome> RunDetectionAsync(Sample sample, string outputName, JsonObject? parameters = null) =>
        RunAsync(sample, outputName, TaskTypes.ObjectDetection, parameters);

    public byte[] ReadOutput(string relativePath) => File.ReadAllBytes(Output.FileOf(relativePath));

    public bool OutputExists(string relativePath) => File.Exists(Output.FileOf(relativePath));

    public IReadOnlyList<string> OutputFiles() =>
        Directory.Exists(Output.Root)
            ? [.. Directory.EnumerateFiles(Output.Root, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(Output.Root, file)).Order(StringComparer.Ordinal)]
            : [];

    public VocAnnotation ReadOutputAnnotation(string relativePath) =>
        VocAnnotationReader.Read(new MemoryStream(ReadOutput(relativePath))).Annotation!;

    public Mat DecodeOutput(string relativePath) => Cv2.ImDecode(ReadOutput(relativePath), ImreadModes.Unchanged);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
