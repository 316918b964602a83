using System.Net;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.ProcessorTasks;

[Collection(ServerCollection.Name)]
public sealed class CreateTaskTests(RefineryInstance server)
{
    private const string Template = """{ "id": "sys_data_validation", "operator_params": [ { "name": "MetaValidation", "params": { "task_type": "image_classification" } } ] }""";

    [Fact]
    public async Task Creating_a_task_answers_a_19_character_id()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "create-ok", Datasets.SmallFolder(server, "create-ok"), "obs://imgs/out-create-ok"));
        Assert.Matches("^[A-Za-z0-9]{19}$", taskId);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400_4105()
    {
        var response = await server.Client.PostAsync(server.Client.Tasks, "{ \"name\": ");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.4105", response.ErrorCode);
    }

    [Fact]
    public async Task A_body_over_12_MB_is_refused_with_a_ModelArts_error()
    {
        var huge = $$"""{ "name": "huge", "description": "{{new string('x', 13 * 1024 * 1024)}}" }""";
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Client.Tasks) { Content = new StringContent(huge) };
        request.Headers.ExpectContinue = true; // as curl does for large bodies: the refusal arrives before the upload

        using var response = await server.Client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("ModelArts.0101", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_body_is_400_4202()
    {
        var response = await server.Client.PostAsync(server.Client.Tasks, "");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.4202", response.ErrorCode);
    }

    [Theory]
    [InlineData("""{ "template": TEMPLATE, "inputs": [ { "type": "OBS", "source": "obs://imgs/create-bad" } ] }""", "name", "is required")]
    [InlineData("""{ "name": 5, "template": TEMPLATE, "inputs": [ { "type": "OBS", "source": "obs://imgs/create-bad" } ] }""", "name", "must be a string")]
    [InlineData("""{ "name": "has space", "template": TEMPLATE, "inputs": [ { "type": "OBS", "source": "obs://imgs/create-bad" } ] }""", "name", "1-64 characters")]
    [InlineData("""{ "name": "bad-desc", "description": "a<b", "template": TEMPLATE, "inputs": [ { "type": "OBS", "source": "obs://imgs/create-bad" } ] }""", "description", "must not contain")]
    [InlineData("""{ "name": "no-template", "inputs": [ { "type": "OBS", "source": "obs://imgs/create-bad" } ] }""", "template", "is required")]
    [InlineData("""{ "name": "bad-template", "template": { "id": "sys_data_magic" }, "inputs": [ { "type": "OBS", "source": "obs://imgs/create-bad" } ] }""", "template.id", "must be one of")]
    [InlineData("""{ "name": "both", "template": TEMPLATE, "data_source": { "type": "OBS", "source": "obs://imgs/create-bad" }, "inputs": [ { "type": "OBS", "source": "obs://imgs/create-bad" } ] }""", "data_source", "not both")]
    [InlineData("""{ "name": "neither", "template": TEMPLATE }""", "inputs", "either data_source or inputs")]
    [InlineData("""{ "name": "bad-type", "template": TEMPLATE, "inputs": [ { "type": "FTP", "source": "x" } ] }""", "inputs[0].type", "must be OBS")]
    [InlineData("""{ "name": "bad-inputs", "template": TEMPLATE, "inputs": {} }""", "inputs", "must be an array")]
    [InlineData("""{ "name": "no-work", "template": TEMPLATE, "inputs": [ { "type": "OBS", "source": "obs://imgs/create-bad" } ] }""", "work_path", "is required")]
    [InlineData("""{ "name": "bad-flag", "create_version": "yes", "template": TEMPLATE, "inputs": [ { "type": "OBS", "source": "obs://imgs/create-bad" } ] }""", "create_version", "must be a boolean")]
    [InlineData("""{ "name": "bad-param", "template": { "id": "sys_data_validation", "operator_params": [ { "params": { "task_type": "image_classification", "image_max_width": "wide" } } ] }, "inputs": [ { "type": "OBS", "source": "obs://imgs/create-bad" } ], "work_path": { "type": "OBS", "path": "obs://imgs/out-bad" } }""", "params.image_max_width", "")]
    [InlineData("""{ "name": "bad-vname", "template": TEMPLATE, "inputs": [ { "type": "OBS", "source": "obs://imgs/create-bad" } ], "work_path": { "type": "OBS", "path": "obs://imgs/out-bad", "version_name": "v 1" } }""", "work_path.version_name", "0-32")]
    public async Task An_invalid_field_is_400_0101_naming_the_field_and_the_rule(string body, string field, string rule)
    {
        Datasets.SmallFolder(server, "create-bad", 1);
        var response = await server.Client.PostAsync(server.Client.Tasks, body.Replace("TEMPLATE", Template, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.0101", response.ErrorCode);
        Assert.Contains(field, response.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(rule, response.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("obs://nobucket/x", "ModelArts.4311")]
    [InlineData("obs://imgs/a//b", "ModelArts.4315")]
    [InlineData("obs://imgs/../etc", "ModelArts.4313")]
    [InlineData("/imgs/create-missing-dir", "ModelArts.4312")]
    [InlineData("ftp://imgs/x", "ModelArts.4313")]
    public async Task An_input_path_outside_the_roots_or_missing_is_refused(string source, string code)
    {
        var response = await server.Client.PostAsync(server.Client.Tasks, TaskBodies.Validation("bad-path", source, "obs://imgs/out-bad-path"));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(code, response.ErrorCode);
    }

    [Fact]
    public async Task A_work_path_inside_the_input_is_400_4205()
    {
        var input = Datasets.SmallFolder(server, "create-nested", 1);
        var response = await server.Client.PostAsync(server.Client.Tasks, TaskBodies.Validation("nested", input, input + "/out"));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.4205", response.ErrorCode);
    }

    [Fact]
    public async Task A_duplicate_name_is_400_4709_and_creates_nothing()
    {
        var input = Datasets.SmallFolder(server, "create-dup", 1);
        await server.Client.CreateTaskAsync(TaskBodies.Validation("dup-name", input, "obs://imgs/out-dup", createVersion: false));
        var before = (await server.Client.GetAsync($"{server.Client.Tasks}?task_name=dup-name")).Json["count"]!.GetValue<int>();

        var response = await server.Client.PostAsync(server.Client.Tasks, TaskBodies.Validation("dup-name", input, "obs://imgs/out-dup"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.4709", response.ErrorCode);
        Assert.Equal(before, (await server.Client.GetAsync($"{server.Client.Tasks}?task_name=dup-name")).Json["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_task_source_that_does_not_exist_is_400_4700()
    {
        var response = await server.Client.PostAsync(server.Client.Tasks, """
            { "name": "from-ghost", "template": { "id": "sys_data_validation", "operator_params": [ { "params": { "task_type": "image_classification" } } ] },
              "inputs": [ { "type": "TASK", "source": "AAAAAAAAAAAAAAAAAAA" } ], "work_path": { "type": "OBS", "path": "obs://imgs/out-ghost" } }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.4700", response.ErrorCode);
    }
}
