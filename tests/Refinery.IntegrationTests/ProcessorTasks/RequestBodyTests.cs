using System.Net;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.ProcessorTasks;

/// <summary>How every route that reads a JSON body answers bodies that are not UTF-8, not JSON, or repeat a key.</summary>
[Collection(ServerCollection.Name)]
public sealed class RequestBodyTests(RefineryInstance server)
{
    public static TheoryData<string, string> Routes => new()
    {
        { "POST", "processor-tasks" },
        { "PUT", "processor-tasks/absent-task" },
        { "POST", "processor-tasks/absent-task/versions" },
        { "POST", "datasets" },
        { "POST", "datasets/absent-dataset/versions" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public Task Invalid_utf8_in_a_body_is_400_4105_naming_where(string method, string route) => AssertRefusedAsync(
        method,
        route,
        [.. "{\"name\": \"caf"u8, 0xE9, .. "\", \"description\": \"x\"}"u8],
        "ModelArts.4105",
        "The request body is not valid JSON: it is not UTF-8 text: byte 0xE9 at line 1, column 14 does not belong to a UTF-8 character.");

    [Theory]
    [MemberData(nameof(Routes))]
    public Task Malformed_json_is_400_4105_saying_where_in_plain_words(string method, string route) => AssertRefusedAsync(
        method,
        route,
        "{\n  \"name\": \"a\",\n  \"description\": 'b'\n}"u8.ToArray(),
        "ModelArts.4105",
        "The request body is not valid JSON: unexpected character ''' at line 3, column 18.");

    [Theory]
    [MemberData(nameof(Routes))]
    public Task A_key_given_twice_is_400_0101_naming_the_key(string method, string route) => AssertRefusedAsync(
        method,
        route,
        """{ "description": "a", "description": "b" }"""u8.ToArray(),
        "ModelArts.0101",
        "Invalid argument 'description': is given more than once; give each key once");

    [Theory]
    [MemberData(nameof(Routes))]
    public Task A_body_that_is_one_bare_json_value_is_400_0101(string method, string route) => AssertRefusedAsync(
        method, route, "\"x\""u8.ToArray(), "ModelArts.0101", "Invalid argument 'body': must be a JSON object");

    [Fact]
    public async Task A_repeated_key_deep_in_a_task_body_is_named_by_its_path_and_creates_nothing()
    {
        var body = TaskBodies.Validation("dup-key-deep", "obs://imgs/dup-key", "obs://imgs/out-dup-key")
            .Replace("\"task_type\": \"object_detection\",", "\"task_type\": \"object_detection\", \"task_type\": \"image_classification\",", StringComparison.Ordinal);

        var response = await server.Client.PostAsync(server.Client.Tasks, body);
        var list = await server.Client.GetAsync($"{server.Client.Tasks}?task_name=dup-key-deep");

        Assert.Equal("ModelArts.0101", response.ErrorCode);
        Assert.Contains("'template.operator_params[0].params.task_type'", response.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, list.Json["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_non_integer_dataset_data_type_is_400_naming_it()
    {
        var response = await server.Client.PostAsync(server.Client.Datasets, """
            { "dataset_name": "bad-data-type", "work_path": "obs://imgs/out-bad-data-type",
              "data_sources": [ { "data_type": 1e99, "data_path": "obs://imgs/bad-data-type" } ] }
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.0101", response.ErrorCode);
        Assert.Contains("data_sources[0].data_type", response.ErrorMessage, StringComparison.Ordinal);
    }

    private async Task AssertRefusedAsync(string method, string route, byte[] body, string errorCode, string errorMessage)
    {
        var response = await server.Client.SendBytesAsync(new HttpMethod(method), $"/v2/{server.ProjectId}/{route}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(errorCode, response.ErrorCode);
        Assert.Equal(errorMessage, response.ErrorMessage);
    }
}
