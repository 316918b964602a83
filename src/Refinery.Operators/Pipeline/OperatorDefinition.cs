namespace Refinery.Operators.Pipeline;

/// <summary>An operator the registry knows: its name, the template it belongs to, and how its params become stages.</summary>
/// <param name="Name">The name requests give it in <c>operator_params[].name</c> (or <c>id</c>).</param>
/// <param name="TemplateId">The template whose <c>operator_params</c> may list it.</param>
/// <param name="Create">Parses and validates the params (400 naming the parameter) and builds the stages.</param>
public sealed record OperatorDefinition(string Name, string TemplateId, Func<OperatorParameters, OperatorContext, PipelineOperator> Create);
