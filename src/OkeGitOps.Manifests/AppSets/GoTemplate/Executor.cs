using System.Text;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>What a missing map key evaluates to (Go's <c>missingkey</c> option).</summary>
internal enum MissingKeyMode { Invalid, Zero, Error }

/// <summary>A template function failed; the executor reports it as Go does (<c>error calling NAME: ...</c>).</summary>
internal sealed class TemplateFunctionException(string message) : Exception(message);

/// <summary>An argument had the wrong type for a function; reported without the "error calling" prefix, as Go does.</summary>
internal sealed class TemplateArgumentException(string message) : Exception(message);

/// <summary>Runs a parsed template against data, with Go's text/template semantics and hard limits on work done.</summary>
internal sealed class Executor
{
    private readonly GoTemplate _template;
    private readonly StringBuilder _out = new();
    private readonly List<(string Name, object? Value)> _vars = [];
    private long _steps;
    private int _depth;

    private sealed class BreakSignal : Exception;

    private sealed class ContinueSignal : Exception;

    private readonly GoTemplateEnvironment _environment;

    public Executor(GoTemplate template, GoTemplateEnvironment environment)
    {
        _template = template;
        _environment = environment;
    }

    public string Run(ListNode root, object? data)
    {
        using var bound = TextBound.Enter(_template.Limits.MaxOutputLength);
        _vars.Add(("$", data));
        Walk(data, root);
        return _out.ToString();
    }

    private GoTemplateException Error(TemplateNode node, string message)
    {
        var text = _template.Text;
        var pos = Math.Min(node.Pos, text.Length);
        var line = 1 + text.AsSpan(0, pos).Count('\n');
        var col = Parser.ColumnOf(text, pos);
        var context = Context(node);
        if (context.Length > 20) context = context[..20] + "...";
        var name = _template.Name;
        return new GoTemplateException($"template: {name}:{line}:{col}: executing \"{name}\" at <{context}>: {message}", line, col);
    }

    private static string Context(TemplateNode node) => node switch
    {
        FieldNode f => "." + string.Join('.', f.Ident),
        VariableNode v => string.Join('.', v.Ident),
        IdentifierNode i => i.Name,
        DotNode => ".",
        NilNode => "nil",
        BoolNode b => b.Value ? "true" : "false",
        NumberNode n => n.Text,
        StringNode s => s.Quoted,
        PipeNode p => p.Source,
        CommandNode c => c.Source,
        ChainNode c => "(" + Context(c.Node) + ")." + string.Join('.', c.Field),
        ActionNode a => "{{" + a.Pipe.Source + "}}",
        ControlNode c => "{{" + c.Control.ToString().ToLowerInvariant() + " " + c.Pipe.Source + "}}",
        TemplateCallNode t => $"{{{{template \"{t.Name}\"}}}}",
        _ => "",
    };

    private void Step(TemplateNode node)
    {
        if (++_steps > _template.Limits.MaxSteps)
            throw Error(node, $"template execution exceeded {_template.Limits.MaxSteps} steps; the template loops or its data is too large");
    }

    private void Write(TemplateNode node, string text)
    {
        if (_out.Length + text.Length > _template.Limits.MaxOutputLength)
            throw Error(node, $"template output exceeds {_template.Limits.MaxOutputLength} characters");
        _out.Append(text);
    }

    private void Walk(object? dot, TemplateNode node)
    {
        Step(node);
        switch (node)
        {
            case ListNode list:
                foreach (var n in list.Nodes) Walk(dot, n);
                break;
            case TextNode text:
                Write(node, text.Text);
                break;
            case ActionNode action:
                {
                    var value = EvalPipeline(dot, action.Pipe);
                    if (action.Pipe.Decl.Count == 0) Write(node, PrintValue(action, value));
                    break;
                }
            case ControlNode { Control: ControlKind.Range } range:
                WalkRange(dot, range);
                break;
            case ControlNode control:
                {
                    var mark = _vars.Count;
                    var value = EvalPipeline(dot, control.Pipe);
                    var truth = GoValues.IsTrue(value);
                    if (truth)
                    {
                        Walk(control.Control == ControlKind.With ? value : dot, control.List);
                    }
                    else if (control.ElseList is not null)
                    {
                        Walk(dot, control.ElseList);
                    }
                    Pop(mark);
                    break;
                }
            case TemplateCallNode call:
                {
                    if (!_template.Defines.TryGetValue(call.Name, out var body))
                        throw Error(node, $"template: no template \"{call.Name}\" associated with template \"{_template.Name}\"");
                    var newDot = call.Pipe is null ? null : EvalPipeline(dot, call.Pipe);
                    if (++_depth > _template.Limits.MaxTemplateDepth)
                        throw Error(node, $"exceeded maximum template depth ({_template.Limits.MaxTemplateDepth})");
                    var saved = _vars.ToList();
                    _vars.Clear();
                    _vars.Add(("$", newDot));
                    try
                    {
                        Walk(newDot, body);
                    }
                    finally
                    {
                        _vars.Clear();
                        _vars.AddRange(saved);
                        _depth--;
                    }
                    break;
                }
            case BreakNode:
                throw new BreakSignal();
            case ContinueNode:
                throw new ContinueSignal();
            default:
                throw Error(node, "unknown node");
        }
    }

    private void Pop(int mark) => _vars.RemoveRange(mark, _vars.Count - mark);

    private void WalkRange(object? dot, ControlNode range)
    {
        var mark = _vars.Count;
        var value = Indirect(EvalPipeline(dot, range.Pipe));
        // The pipeline's own declarations were pushed; they are overwritten per iteration.
        var mark2 = _vars.Count;
        var ran = false;

        bool OneIteration(object? index, object? elem)
        {
            ran = true;
            if (range.Pipe.Decl.Count > 0)
            {
                if (range.Pipe.IsAssign)
                {
                    if (range.Pipe.Decl.Count > 1)
                    {
                        SetVar(range.Pipe.Decl[0].Ident[0], index);
                        SetVar(range.Pipe.Decl[1].Ident[0], elem);
                    }
                    else SetVar(range.Pipe.Decl[0].Ident[0], elem);
                }
                else if (range.Pipe.Decl.Count > 1)
                {
                    _vars[mark2 - 2] = (_vars[mark2 - 2].Name, index);
                    _vars[mark2 - 1] = (_vars[mark2 - 1].Name, elem);
                }
                else
                {
                    _vars[mark2 - 1] = (_vars[mark2 - 1].Name, elem);
                }
            }
            try
            {
                Walk(elem, range.List);
            }
            catch (ContinueSignal)
            {
            }
            catch (BreakSignal)
            {
                return false;
            }
            finally
            {
                Pop(mark2);
            }
            return true;
        }

        switch (value)
        {
            case null or GoValues.MissingValue:
                break;
            case IList<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (!OneIteration((long)i, list[i])) break;
                }
                break;
            case IDictionary<string, object?> map:
                foreach (var key in map.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList())
                {
                    if (!OneIteration(key, map[key])) break;
                }
                break;
            case long n:
                if (range.Pipe.Decl.Count > 1) throw Error(range, "can't use $index, $elem := range over integer");
                for (long i = 0; i < n; i++)
                {
                    if (!OneIteration(i, i)) break;
                }
                break;
            default:
                throw Error(range, $"range can't iterate over {GoValues.Print(value)}");
        }
        Pop(mark);
        if (!ran && range.ElseList is not null) Walk(dot, range.ElseList);
    }

    private static object? Indirect(object? v) => v;

    private void SetVar(string name, object? value)
    {
        for (var i = _vars.Count - 1; i >= 0; i--)
        {
            if (_vars[i].Name == name)
            {
                _vars[i] = (name, value);
                return;
            }
        }
    }

    private object? GetVar(TemplateNode node, string name)
    {
        for (var i = _vars.Count - 1; i >= 0; i--)
        {
            if (_vars[i].Name == name) return _vars[i].Value;
        }
        throw Error(node, $"undefined variable: {name}");
    }

    private string PrintValue(TemplateNode node, object? value)
    {
        try
        {
            return value is null ? "<no value>" : GoValues.Print(value);
        }
        catch (TemplateFunctionException e)
        {
            throw Error(node, e.Message);
        }
    }

    /// <summary>Holds a function's or method's result to the size bound every string of the run has (see <see cref="TextBound"/>).</summary>
    private object? Bounded(TemplateNode node, string name, object? result)
    {
        var max = _template.Limits.MaxOutputLength;
        if (result is string s && s.Length > max)
            throw Error(node, $"error calling {name}: {TextBound.TooLong(s.Length).Message}");
        if (result is System.Collections.ICollection { Count: var n } && n > max)
            throw Error(node, $"error calling {name}: the result would have {n} elements, which exceeds the limit of {max} elements on any list or map a template produces");
        return result;
    }

    private object? EvalPipeline(object? dot, PipeNode pipe)
    {
        Step(pipe);
        object? value = GoValues.Missing;
        var final = false;
        foreach (var cmd in pipe.Cmds)
        {
            value = EvalCommand(dot, cmd, final ? value : null, final);
            final = true;
        }
        foreach (var v in pipe.Decl)
        {
            if (pipe.IsAssign) SetVar(v.Ident[0], value);
            else _vars.Add((v.Ident[0], value));
        }
        return value;
    }

    private object? EvalCommand(object? dot, CommandNode cmd, object? final, bool hasFinal)
    {
        var first = cmd.Args[0];
        switch (first)
        {
            case FieldNode field:
                return EvalFieldChain(dot, dot, field, field.Ident, cmd.Args, final, hasFinal);
            case ChainNode chain:
                {
                    if (chain.Field.Length == 0) throw Error(chain, "internal error: no fields in evalChainNode");
                    var pipe = EvalArg(dot, chain.Node);
                    return EvalFieldChain(dot, pipe, chain, chain.Field, cmd.Args, final, hasFinal);
                }
            case IdentifierNode ident:
                return EvalFunction(dot, ident, cmd, cmd.Args, final, hasFinal);
            case PipeNode pipe:
                NotAFunction(cmd, hasFinal);
                return EvalPipelineScoped(dot, pipe);
            case VariableNode variable:
                {
                    var value = GetVar(variable, variable.Ident[0]);
                    if (variable.Ident.Length == 1)
                    {
                        NotAFunction(cmd, hasFinal);
                        return value;
                    }
                    return EvalFieldChain(dot, value, variable, variable.Ident[1..], cmd.Args, final, hasFinal);
                }
        }
        NotAFunction(cmd, hasFinal);
        return first switch
        {
            BoolNode b => b.Value,
            DotNode => dot,
            NilNode => throw Error(first, "nil is not a command"),
            NumberNode n => n.IsInt ? (object)n.IntValue : n.FloatValue,
            StringNode s => s.Value,
            _ => throw Error(first, "can't evaluate command"),
        };
    }

    private object? EvalPipelineScoped(object? dot, PipeNode pipe)
    {
        var mark = _vars.Count;
        try
        {
            return EvalPipeline(dot, pipe);
        }
        finally
        {
            Pop(mark);
        }
    }

    private void NotAFunction(CommandNode cmd, bool hasFinal)
    {
        if (cmd.Args.Count > 1 || hasFinal) throw Error(cmd.Args[0], $"can't give argument to non-function {Context(cmd.Args[0])}");
    }

    private object? EvalFieldChain(object? dot, object? receiver, TemplateNode node, string[] ident, List<TemplateNode> args, object? final, bool hasFinal)
    {
        var n = ident.Length;
        for (var i = 0; i < n - 1; i++) receiver = EvalField(node, ident[i], receiver, false);
        if (receiver is IGoObject obj)
        {
            var values = new List<object?>();
            for (var i = 1; i < args.Count; i++) values.Add(EvalArg(dot, args[i]));
            if (hasFinal) values.Add(final);
            return CallMethod(node, obj, ident[n - 1], values);
        }
        return EvalField(node, ident[n - 1], receiver, args.Count > 1 || hasFinal);
    }

    private object? EvalField(TemplateNode node, string name, object? receiver, bool hasArgs)
    {
        if (GoValues.IsMissing(receiver))
        {
            if (_template.MissingKey == MissingKeyMode.Error) throw Error(node, $"nil data; no entry for key \"{name}\"");
            return GoValues.Missing;
        }
        if (receiver is null) throw Error(node, $"nil pointer evaluating interface {{}}.{name}");
        if (receiver is IGoObject obj)
        {
            if (hasArgs) throw Error(node, $"{name} has arguments but cannot take them here");
            return CallMethod(node, obj, name, []);
        }
        if (receiver is IDictionary<string, object?> map)
        {
            if (hasArgs) throw Error(node, $"{name} is not a method but has arguments");
            if (map.TryGetValue(name, out var value)) return value;
            return _template.MissingKey switch
            {
                MissingKeyMode.Error => throw Error(node, $"map has no entry for key \"{name}\""),
                MissingKeyMode.Zero => null,
                _ => GoValues.Missing,
            };
        }
        throw Error(node, $"can't evaluate field {name} in type {GoValues.TypeName(receiver)}");
    }

    private object? CallMethod(TemplateNode node, IGoObject receiver, string name, IReadOnlyList<object?> args)
    {
        try
        {
            if (receiver.TryInvoke(name, args, out var result)) return Bounded(node, name, result);
        }
        catch (TemplateArgumentException e)
        {
            throw Error(node, e.Message);
        }
        catch (TemplateFunctionException e)
        {
            throw Error(node, $"error calling {name}: {e.Message}");
        }
        catch (Exception e) when (IsFunctionFailure(e))
        {
            throw Error(node, $"error calling {name}: {e.Message}");
        }
        throw Error(node, $"can't evaluate field {name} in type {receiver.GoTypeName}");
    }

    /// <summary>.NET failures inside a function that Go would report as the function's error (or a recovered panic).</summary>
    private static bool IsFunctionFailure(Exception e)
        => e is ArgumentException or FormatException or InvalidOperationException or OverflowException or IndexOutOfRangeException
            or InvalidCastException or KeyNotFoundException or DivideByZeroException or System.Text.RegularExpressions.RegexMatchTimeoutException;

    private object? EvalArg(object? dot, TemplateNode arg)
    {
        Step(arg);
        switch (arg)
        {
            case DotNode:
                return dot;
            case NilNode:
                return null;
            case FieldNode field:
                return EvalFieldChain(dot, dot, field, field.Ident, [field], null, false);
            case VariableNode variable:
                {
                    var value = GetVar(variable, variable.Ident[0]);
                    return variable.Ident.Length == 1 ? value : EvalFieldChain(dot, value, variable, variable.Ident[1..], [variable], null, false);
                }
            case PipeNode pipe:
                return EvalPipelineScoped(dot, pipe);
            case IdentifierNode ident:
                return EvalFunction(dot, ident, ident, [ident], null, false);
            case ChainNode chain:
                return EvalFieldChain(dot, EvalArg(dot, chain.Node), chain, chain.Field, [chain], null, false);
            case BoolNode b:
                return b.Value;
            case NumberNode n:
                return n.IsInt ? (object)n.IntValue : n.FloatValue;
            case StringNode s:
                return s.Value;
        }
        throw Error(arg, $"can't handle {Context(arg)} as an argument");
    }

    private object? EvalFunction(object? dot, IdentifierNode ident, TemplateNode node, List<TemplateNode> args, object? final, bool hasFinal)
    {
        var name = ident.Name;
        // and/or evaluate their arguments lazily and return the deciding one, as Go 1.18+ does.
        if (name is "and" or "or")
        {
            var argNodes = args.Skip(1).ToList();
            var count = argNodes.Count + (hasFinal ? 1 : 0);
            if (count < 1) throw Error(node, $"wrong number of args for {name}: want at least 1 got 0");
            object? v = null;
            for (var i = 0; i < count; i++)
            {
                v = i < argNodes.Count ? EvalArg(dot, argNodes[i]) : final;
                var truth = GoValues.IsTrue(v);
                if (name == "and" ? !truth : truth) return v;
            }
            return v;
        }
        if (!_template.Functions.TryGetValue(name, out var function)) throw Error(node, $"\"{name}\" is not a defined function");
        var values = new List<object?>(args.Count);
        for (var i = 1; i < args.Count; i++) values.Add(EvalArg(dot, args[i]));
        if (hasFinal) values.Add(final);
        if (values.Count < function.MinArgs || (function.MaxArgs >= 0 && values.Count > function.MaxArgs))
        {
            var want = function.MaxArgs == function.MinArgs ? $"want {function.MinArgs}" : function.MaxArgs < 0 ? $"want at least {function.MinArgs}" : $"want {function.MinArgs} to {function.MaxArgs}";
            throw Error(ident, $"wrong number of args for {name}: {want} got {values.Count}");
        }
        try
        {
            return Bounded(ident, name, function.Invoke(new FunctionContext(_template, _environment), values));
        }
        catch (TemplateArgumentException e)
        {
            throw Error(ident, e.Message);
        }
        catch (TemplateFunctionException e)
        {
            throw Error(ident, $"error calling {name}: {e.Message}");
        }
        catch (GoTemplateException)
        {
            throw;
        }
        catch (Exception e) when (IsFunctionFailure(e))
        {
            throw Error(ident, $"error calling {name}: {e.Message}");
        }
    }
}
