using System.Globalization;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>
/// Builds the node tree of a Go template from its tokens, with Go's rules: functions must be known when the
/// template is parsed, variables must be declared before use, <c>break</c>/<c>continue</c> only inside <c>range</c>.
/// </summary>
internal sealed class Parser
{
    private const int MaxDepth = 200;
    private readonly string _text;
    private readonly string _name;
    private readonly List<Token> _tokens;
    private readonly Func<string, bool> _hasFunction;
    private readonly Dictionary<string, ListNode> _defines;
    private readonly List<string> _vars = ["$"];
    private int _index;
    private int _rangeDepth;
    private int _depth;

    private Parser(string text, string name, Func<string, bool> hasFunction, Dictionary<string, ListNode> defines)
    {
        _text = text;
        _name = name;
        _tokens = Lexer.Lex(text);
        _hasFunction = hasFunction;
        _defines = defines;
    }

    public static ListNode Parse(string text, string name, Func<string, bool> hasFunction, Dictionary<string, ListNode> defines)
        => new Parser(text, name, hasFunction, defines).ParseRoot();

    private GoTemplateException Error(int pos, string message)
    {
        var line = 1 + _text.AsSpan(0, Math.Min(pos, _text.Length)).Count('\n');
        return new GoTemplateException($"template: {_name}:{line}: {message}", line, ColumnOf(_text, pos));
    }

    internal static int ColumnOf(string text, int pos)
    {
        pos = Math.Min(pos, text.Length);
        var nl = text.LastIndexOf('\n', Math.Max(0, pos - 1));
        return nl < 0 || pos == 0 ? pos : pos - nl - 1;
    }

    private Token Next()
    {
        var t = _tokens[_index];
        if (t.Type == TokenType.Error) throw Error(t.Pos, t.Value);
        if (_index < _tokens.Count - 1) _index++;
        return t;
    }

    private Token Peek()
    {
        var t = _tokens[_index];
        if (t.Type == TokenType.Error) throw Error(t.Pos, t.Value);
        return t;
    }

    private Token NextNonSpace()
    {
        var t = Next();
        while (t.Type == TokenType.Space) t = Next();
        return t;
    }

    private Token PeekNonSpace()
    {
        while (Peek().Type == TokenType.Space) Next();
        return Peek();
    }

    private Token Expect(TokenType type, string context)
    {
        var t = NextNonSpace();
        if (t.Type != type) throw Unexpected(t, context);
        return t;
    }

    private GoTemplateException Unexpected(Token t, string context)
    {
        var what = t.Type switch
        {
            TokenType.Eof => "EOF",
            TokenType.RightDelim => "\"}}\"",
            TokenType.LeftDelim => "\"{{\"",
            _ => $"\"{(t.Raw.Length > 0 ? t.Raw : t.Value)}\"",
        };
        return Error(t.Pos, $"unexpected {what} in {context}");
    }

    private ListNode ParseRoot()
    {
        var list = new ListNode(0, []);
        while (Peek().Type != TokenType.Eof)
        {
            if (Peek().Type == TokenType.LeftDelim)
            {
                var save = _index;
                Next();
                if (PeekNonSpace().Type == TokenType.KwDefine)
                {
                    Next();
                    ParseDefinition();
                    continue;
                }
                _index = save;
            }
            var (node, terminator) = TextOrAction();
            if (terminator is not null) throw Unexpected(terminator.Value, "input");
            list.Nodes.Add(node!);
        }
        return list;
    }

    private void ParseDefinition()
    {
        var nameTok = Expect(TokenType.String, "define clause");
        Expect(TokenType.RightDelim, "define clause");
        var (body, end) = ItemList();
        if (end.Type != TokenType.KwEnd) throw Unexpected(end, "define clause");
        _defines[nameTok.Value] = body;
    }

    /// <summary>Parses nodes until {{end}} or {{else}}; returns the list and the keyword token that ended it.</summary>
    private (ListNode List, Token End) ItemList()
    {
        var list = new ListNode(Peek().Pos, []);
        while (true)
        {
            if (Peek().Type == TokenType.Eof) throw Unexpected(Peek(), "input");
            var (node, terminator) = TextOrAction();
            if (terminator is not null) return (list, terminator.Value);
            list.Nodes.Add(node!);
        }
    }

    private (TemplateNode? Node, Token? Terminator) TextOrAction()
    {
        var t = NextNonSpace();
        switch (t.Type)
        {
            case TokenType.Text:
                return (new TextNode(t.Pos, t.Value), null);
            case TokenType.LeftDelim:
                if (++_depth > MaxDepth) throw Error(t.Pos, $"template nested deeper than {MaxDepth} levels");
                try
                {
                    return Action();
                }
                finally
                {
                    _depth--;
                }
            default:
                throw Unexpected(t, "input");
        }
    }

    private (TemplateNode? Node, Token? Terminator) Action()
    {
        var t = PeekNonSpace();
        switch (t.Type)
        {
            case TokenType.KwBlock:
                Next();
                return (BlockControl(t), null);
            case TokenType.KwBreak:
            case TokenType.KwContinue:
                Next();
                if (_rangeDepth == 0) throw Error(t.Pos, $"{{{{{t.Value}}}}} outside {{{{range}}}}");
                Expect(TokenType.RightDelim, t.Value);
                return (t.Type == TokenType.KwBreak ? new BreakNode(t.Pos) : new ContinueNode(t.Pos), null);
            case TokenType.KwElse:
                Next();
                // "else if" / "else with" chain: leave the keyword for the caller to parse.
                var after = PeekNonSpace();
                if (after.Type is TokenType.KwIf or TokenType.KwWith) return (null, t);
                Expect(TokenType.RightDelim, "else");
                return (null, t);
            case TokenType.KwEnd:
                Next();
                Expect(TokenType.RightDelim, "end");
                return (null, t);
            case TokenType.KwIf:
                Next();
                return (Control(ControlKind.If, t), null);
            case TokenType.KwRange:
                Next();
                return (Control(ControlKind.Range, t), null);
            case TokenType.KwWith:
                Next();
                return (Control(ControlKind.With, t), null);
            case TokenType.KwTemplate:
                Next();
                return (TemplateCall(t), null);
            case TokenType.KwDefine:
                throw Error(t.Pos, "unexpected <define> in command");
        }
        var pipe = Pipeline("command", TokenType.RightDelim);
        return (new ActionNode(t.Pos, pipe), null);
    }

    private TemplateNode TemplateCall(Token keyword)
    {
        var nameTok = NextNonSpace();
        if (nameTok.Type != TokenType.String) throw Unexpected(nameTok, "template clause");
        PipeNode? pipe = null;
        if (PeekNonSpace().Type != TokenType.RightDelim) pipe = Pipeline("template clause", TokenType.RightDelim);
        else Next();
        return new TemplateCallNode(keyword.Pos, nameTok.Value, pipe);
    }

    private TemplateNode BlockControl(Token keyword)
    {
        var nameTok = NextNonSpace();
        if (nameTok.Type != TokenType.String) throw Unexpected(nameTok, "block clause");
        var pipe = Pipeline("block clause", TokenType.RightDelim);
        var (body, end) = ItemList();
        if (end.Type != TokenType.KwEnd) throw Unexpected(end, "block clause");
        _defines[nameTok.Value] = body;
        return new TemplateCallNode(keyword.Pos, nameTok.Value, pipe);
    }

    private ControlNode Control(ControlKind kind, Token keyword)
    {
        var varCount = _vars.Count;
        var context = kind switch { ControlKind.If => "if", ControlKind.Range => "range", _ => "with" };
        var pipe = Pipeline(context, TokenType.RightDelim);
        if (kind == ControlKind.Range) _rangeDepth++;
        ListNode list;
        Token end;
        try
        {
            (list, end) = ItemList();
        }
        finally
        {
            if (kind == ControlKind.Range) _rangeDepth--;
        }
        ListNode? elseList = null;
        if (end.Type == TokenType.KwElse)
        {
            var next = PeekNonSpace();
            if ((kind == ControlKind.If && next.Type == TokenType.KwIf) || (kind == ControlKind.With && next.Type == TokenType.KwWith))
            {
                // {{else if x}} is {{else}}{{if x}}...{{end}}{{end}}: the nested control consumes the shared {{end}}.
                Next();
                var nested = Control(kind, next);
                elseList = new ListNode(next.Pos, [nested]);
                _vars.RemoveRange(varCount, _vars.Count - varCount);
                return new ControlNode(keyword.Pos, kind, pipe, list, elseList);
            }
            (elseList, end) = ItemList();
            if (end.Type != TokenType.KwEnd) throw Unexpected(end, context);
        }
        _vars.RemoveRange(varCount, _vars.Count - varCount);
        return new ControlNode(keyword.Pos, kind, pipe, list, elseList);
    }

    private PipeNode Pipeline(string context, TokenType end)
    {
        var start = PeekNonSpace();
        var decl = new List<VariableNode>();
        var isAssign = false;
        if (start.Type == TokenType.Variable)
        {
            var save = _index;
            var v = Next();
            var next = PeekNonSpace();
            if (next.Type is TokenType.Declare or TokenType.Assign)
            {
                Next();
                isAssign = next.Type == TokenType.Assign;
                decl.Add(new VariableNode(v.Pos, [v.Value]));
                if (!isAssign) _vars.Add(v.Value);
                else if (!_vars.Contains(v.Value)) throw Error(v.Pos, $"undefined variable \"{v.Value}\"");
            }
            else if (next.Type == TokenType.Comma && context == "range")
            {
                Next();
                var v2 = NextNonSpace();
                if (v2.Type != TokenType.Variable) throw Error(v2.Pos, $"range can only initialize variables");
                var op = NextNonSpace();
                if (op.Type is not (TokenType.Declare or TokenType.Assign)) throw Unexpected(op, "range");
                isAssign = op.Type == TokenType.Assign;
                decl.Add(new VariableNode(v.Pos, [v.Value]));
                decl.Add(new VariableNode(v2.Pos, [v2.Value]));
                if (!isAssign) { _vars.Add(v.Value); _vars.Add(v2.Value); }
            }
            else
            {
                _index = save;
            }
        }
        var cmds = new List<CommandNode>();
        while (true)
        {
            var t = PeekNonSpace();
            if (t.Type == end)
            {
                Next();
                break;
            }
            if (t.Type is TokenType.Bool or TokenType.Char or TokenType.Dot or TokenType.Field or TokenType.Identifier
                or TokenType.Number or TokenType.Nil or TokenType.String or TokenType.Variable or TokenType.LeftParen)
            {
                cmds.Add(Command(end));
                continue;
            }
            throw Unexpected(t, context);
        }
        var endPos = _tokens[Math.Max(0, _index - 1)].Pos;
        if (cmds.Count == 0) throw Error(start.Pos, $"missing value for {context}");
        for (var i = 1; i < cmds.Count; i++)
        {
            if (cmds[i].Args[0] is BoolNode or DotNode or NilNode or NumberNode or StringNode)
                throw Error(cmds[i].Pos, $"non executable command in pipeline stage {i + 1}");
        }
        var source = _text[start.Pos..Math.Max(start.Pos, endPos)].Trim();
        return new PipeNode(start.Pos, isAssign, decl, cmds, source);
    }

    private CommandNode Command(TokenType end)
    {
        var start = PeekNonSpace().Pos;
        var args = new List<TemplateNode>();
        while (true)
        {
            PeekNonSpace();
            var operand = Operand();
            if (operand is not null) args.Add(operand);
            var t = Peek();
            switch (t.Type)
            {
                case TokenType.Space:
                    Next();
                    continue;
                case TokenType.Pipe:
                    Next();
                    break;
                case TokenType.RightDelim:
                case TokenType.RightParen:
                    if (t.Type != end) throw Unexpected(t, "operand");
                    break;
                default:
                    throw Unexpected(t, "operand");
            }
            break;
        }
        if (args.Count == 0) throw Error(start, "empty command");
        var stop = Peek().Pos;
        return new CommandNode(start, args, _text[start..Math.Max(start, stop)].Trim().TrimEnd('|').Trim());
    }

    private TemplateNode? Operand()
    {
        var node = Term();
        if (node is null) return null;
        if (Peek().Type == TokenType.Field)
        {
            var fields = new List<string>();
            while (Peek().Type == TokenType.Field) fields.Add(Next().Value[1..]);
            switch (node)
            {
                case FieldNode f:
                    return new FieldNode(f.Pos, [.. f.Ident, .. fields]);
                case VariableNode v:
                    return new VariableNode(v.Pos, [.. v.Ident, .. fields]);
                case BoolNode or StringNode or NumberNode or NilNode or DotNode:
                    throw Error(node.Pos, "unexpected . after term");
                default:
                    return new ChainNode(node.Pos, node, [.. fields]);
            }
        }
        return node;
    }

    private TemplateNode? Term()
    {
        var t = Peek();
        switch (t.Type)
        {
            case TokenType.Identifier:
                Next();
                if (!_hasFunction(t.Value)) throw Error(t.Pos, $"function \"{t.Value}\" not defined");
                return new IdentifierNode(t.Pos, t.Value);
            case TokenType.Dot:
                Next();
                return new DotNode(t.Pos);
            case TokenType.Nil:
                Next();
                return new NilNode(t.Pos);
            case TokenType.Variable:
                Next();
                if (!_vars.Contains(t.Value)) throw Error(t.Pos, $"undefined variable \"{t.Value}\"");
                return new VariableNode(t.Pos, [t.Value]);
            case TokenType.Field:
                Next();
                return new FieldNode(t.Pos, [t.Value[1..]]);
            case TokenType.Bool:
                Next();
                return new BoolNode(t.Pos, t.Value == "true");
            case TokenType.Char:
                Next();
                return new NumberNode(t.Pos, true, long.Parse(t.Value, CultureInfo.InvariantCulture), 0, t.Raw);
            case TokenType.Number:
                Next();
                return Number(t);
            case TokenType.LeftParen:
                Next();
                if (++_depth > MaxDepth) throw Error(t.Pos, $"expression nested deeper than {MaxDepth} levels");
                try
                {
                    return Pipeline("parenthesized pipeline", TokenType.RightParen);
                }
                finally
                {
                    _depth--;
                }
            case TokenType.String:
                Next();
                return new StringNode(t.Pos, t.Value, t.Raw);
        }
        return null;
    }

    private NumberNode Number(Token t)
    {
        var text = t.Value.Replace("_", "", StringComparison.Ordinal);
        var negative = text.StartsWith('-');
        var body = text.TrimStart('+', '-');
        long? asInt = null;
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && long.TryParse(body[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex)) asInt = hex;
        else if (body.StartsWith("0o", StringComparison.OrdinalIgnoreCase)) asInt = Convert.ToInt64(body[2..], 8);
        else if (body.StartsWith("0b", StringComparison.OrdinalIgnoreCase)) asInt = Convert.ToInt64(body[2..], 2);
        else if (body.Length > 1 && body[0] == '0' && body.All(char.IsDigit)) asInt = Convert.ToInt64(body, 8);
        else if (long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var dec)) asInt = dec;
        if (asInt is { } i) return new NumberNode(t.Pos, true, negative ? -i : i, negative ? -i : i, t.Value);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            // Go treats an integral float constant written without '.', 'e' as an int; with them it is a float.
            return new NumberNode(t.Pos, false, 0, d, t.Value);
        }
        throw Error(t.Pos, $"illegal number syntax: \"{t.Value}\"");
    }
}
