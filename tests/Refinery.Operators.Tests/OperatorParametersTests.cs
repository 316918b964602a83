using System.Globalization;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Refinery.Domain;

namespace Refinery.Operators.Tests;

/// <summary>ModelArts clients send numbers and booleans as strings; both forms must read the same.</summary>
public sealed class OperatorParametersTests
{
    [Property]
    public Property An_integer_reads_the_same_as_a_json_number_and_as_a_string(int value)
    {
        var typed = new OperatorParameters(new JsonObject { ["n"] = value });
        var quoted = new OperatorParameters(new JsonObject { ["n"] = value.ToString(CultureInfo.InvariantCulture) });
        return (typed.GetInt("n", 0) == value && quoted.GetInt("n", 0) == value).ToProperty();
    }

    [Property]
    public Property A_finite_number_reads_the_same_as_a_json_number_and_as_a_string(NormalFloat value)
    {
        var number = value.Get;
        var typed = new OperatorParameters(new JsonObject { ["x"] = number });
        var quoted = new OperatorParameters(new JsonObject { ["x"] = number.ToString("R", CultureInfo.InvariantCulture) });
        return (typed.GetDouble("x", 0) == number && quoted.GetDouble("x", 0) == number).ToProperty();
    }

    [Theory]
    [InlineData("True", true)]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("False", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    public void Booleans_in_every_spelling_clients_send_are_read(string text, bool expected)
    {
        Assert.Equal(expected, new OperatorParameters(new JsonObject { ["b"] = text }).GetBool("b", !expected));
        Assert.Equal(expected, new OperatorParameters(new JsonObject { ["b"] = expected }).GetBool("b", !expected));
    }

    [Theory]
    [InlineData("[0,1,2]")]
    [InlineData("0,1,2")]
    [InlineData("[\"0\", \"1\", \"2\"]")]
    public void A_list_given_as_a_string_reads_like_a_json_array(string text)
    {
        var fromString = new OperatorParameters(new JsonObject { ["l"] = text }).GetList("l");
        var fromArray = new OperatorParameters(new JsonObject { ["l"] = new JsonArray(0, 1, 2) }).GetList("l");
        Assert.Equal(["0", "1", "2"], fromString);
        Assert.Equal(fromArray, fromString);
    }

    [Theory]
    [InlineData("wide")]
    [InlineData("1.5")]
    [InlineData("")]
    public void An_unreadable_integer_is_a_400_naming_the_parameter(string text)
    {
        var error = Assert.Throws<ModelArtsException>(() => new OperatorParameters(new JsonObject { ["image_max_width"] = text }).GetInt("image_max_width", -1));
        Assert.Equal("ModelArts.0101", error.ErrorCode);
        Assert.Contains("params.image_max_width", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absent_parameter_takes_its_default() =>
        Assert.Equal(-1, OperatorParameters.Empty.GetInt("image_max_width", -1));
}
