using System.Globalization;
using System.Text;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

internal enum TokenType
{
    Error, Eof, Text, LeftDelim, RightDelim, Space, Identifier, Field, Variable, Dot, Number, String, Char,
    Pipe, LeftParen, RightParen, Declare, Assign, Comma, Bool, Nil,
    KwBlock, KwBreak, KwContinue, KwDefine, KwElse, KwEnd, KwIf, KwRange, KwTemplate, KwWith,
}

/// <summary>A lexical token; <see cref="Value"/> is the token's text (for strings, the decoded value).</summary>
internal readonly record struct Token(TokenType Type, int Pos, string Value, string Raw = "");

/// <summary>Splits template text into tokens the way Go's text/template lexer does (delimiters <c>{{</c> and <c>}}</c>).</summary>
internal sealed class Lexer
{
    private const string Left = "{{";
    private const string Right = "}}";
    private readonly string _text;
    private readonly List<Token> _tokens = [];
    private int _pos;
    private int _parenDepth;

    private Lexer(string text) => _text = text;

    public static List<Token> Lex(string text)
    {
        var lexer = new Lexer(text);
        lexer.Run();
        return lexer._tokens;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsAlnum(char c) => c == '_' || char.IsLetterOrDigit(c);

    private void Run()
    {
        var trimNextText = false;
        while (_pos <= _text.Length)
        {
            var next = _text.IndexOf(Left, _pos, StringComparison.Ordinal);
            var end = next < 0 ? _text.Length : next;
            var text = _text[_pos..end];
            var trimLeft = next >= 0 && next + 3 < _text.Length && _text[next + 2] == '-' && IsSpace(_text[next + 3]);
            if (trimNextText) text = text.TrimStart(' ', '\t', '\r', '\n');
            if (trimLeft) text = text.TrimEnd(' ', '\t', '\r', '\n');
            trimNextText = false;
            if (text.Length > 0) _tokens.Add(new Token(TokenType.Text, _pos, text));
            if (next < 0) break;
            _pos = next;
            if (!LexAction(trimLeft, out trimNextText)) return;
        }
        _tokens.Add(new Token(TokenType.Eof, _text.Length, ""));
    }

    private bool Fail(string message)
    {
        _tokens.Add(new Token(TokenType.Error, _pos, message));
        return false;
    }

    private (bool AtRight, bool Trim) AtRightDelim()
    {
        if (_pos + 1 < _text.Length && IsSpace(_text[_pos]) && _text[_pos + 1] == '-' &&
            string.CompareOrdinal(_text, _pos + 2, Right, 0, 2) == 0)
            return (true, true);
        if (string.CompareOrdinal(_text, _pos, Right, 0, 2) == 0 && _pos + 2 <= _text.Length) return (true, false);
        return (false, false);
    }

    private bool LexAction(bool trimLeft, out bool trimRight)
    {
        trimRight = false;
        var start = _pos;
        _pos += 2;
        if (trimLeft) _pos += 2;
        // A comment: {{/* ... */}} with optional trim markers.
        if (string.CompareOrdinal(_text, _pos, "/*", 0, 2) == 0)
        {
            var close = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
            if (close < 0) { _pos = start; return Fail("unclosed comment"); }
            _pos = close + 2;
            var (atRight, trim) = AtRightDelim();
            if (!atRight) return Fail("comment ends before closing delimiter");
            _pos += trim ? 4 : 2;
            trimRight = trim;
            return true;
        }
        _tokens.Add(new Token(TokenType.LeftDelim, start, Left));
        _parenDepth = 0;
        while (true)
        {
            var (atRight, trim) = AtRightDelim();
            if (atRight)
            {
                if (_parenDepth != 0) return Fail("unclosed left paren");
                if (trim) _pos += 2;
                _tokens.Add(new Token(TokenType.RightDelim, _pos, Right));
                _pos += 2;
                trimRight = trim;
                return true;
            }
            if (_pos >= _text.Length) return Fail("unclosed action");
            var c = _text[_pos];
            var tokStart = _pos;
            if (c is '\r' or '\n') return Fail("unclosed action");
            if (IsSpace(c))
            {
                while (_pos < _text.Length && IsSpace(_text[_pos]) && !AtRightDelim().Trim) _pos++;
                _tokens.Add(new Token(TokenType.Space, tokStart, " "));
                continue;
            }
            switch (c)
            {
                case '=':
                    _pos++;
                    _tokens.Add(new Token(TokenType.Assign, tokStart, "="));
                    continue;
                case ':':
                    if (_pos + 1 < _text.Length && _text[_pos + 1] == '=')
                    {
                        _pos += 2;
                        _tokens.Add(new Token(TokenType.Declare, tokStart, ":="));
                        continue;
                    }
                    return Fail("expected :=");
                case '|':
                    _pos++;
                    _tokens.Add(new Token(TokenType.Pipe, tokStart, "|"));
                    continue;
                case ',':
                    _pos++;
                    _tokens.Add(new Token(TokenType.Comma, tokStart, ","));
                    continue;
                case '(':
                    _pos++;
                    _parenDepth++;
                    _tokens.Add(new Token(TokenType.LeftParen, tokStart, "("));
                    continue;
                case ')':
                    _pos++;
                    _parenDepth--;
                    if (_parenDepth < 0) return Fail("unexpected right paren");
                    _tokens.Add(new Token(TokenType.RightParen, tokStart, ")"));
                    continue;
                case '"':
                    if (!LexQuote()) return false;
                    continue;
                case '`':
                    {
                        var close = _text.IndexOf('`', _pos + 1);
                        if (close < 0) return Fail("unterminated raw quoted string");
                        var raw = _text[tokStart..(close + 1)];
                        _tokens.Add(new Token(TokenType.String, tokStart, raw[1..^1], raw));
                        _pos = close + 1;
                        continue;
                    }
                case '\'':
                    if (!LexChar()) return false;
                    continue;
                case '$':
                    _pos++;
                    while (_pos < _text.Length && IsAlnum(_text[_pos])) _pos++;
                    _tokens.Add(new Token(TokenType.Variable, tokStart, _text[tokStart.._pos]));
                    if (!AtTerminator()) return Fail($"bad character {Quote(_text[_pos])}");
                    continue;
                case '.':
                    if (_pos + 1 < _text.Length && char.IsDigit(_text[_pos + 1]) && !PreviousIsOperand())
                    {
                        if (!LexNumber()) return false;
                        continue;
                    }
                    _pos++;
                    if (_pos < _text.Length && IsAlnum(_text[_pos]))
                    {
                        while (_pos < _text.Length && IsAlnum(_text[_pos])) _pos++;
                        _tokens.Add(new Token(TokenType.Field, tokStart, _text[tokStart.._pos]));
                        if (!AtTerminator()) return Fail($"bad character {Quote(_text[_pos])}");
                    }
                    else
                    {
                        _tokens.Add(new Token(TokenType.Dot, tokStart, "."));
                    }
                    continue;
            }
            if (c == '+' || c == '-' || char.IsDigit(c))
            {
                if (!LexNumber()) return false;
                continue;
            }
            if (IsAlnum(c))
            {
                while (_pos < _text.Length && IsAlnum(_text[_pos])) _pos++;
                var word = _text[tokStart.._pos];
                if (!AtTerminator()) return Fail($"bad character {Quote(_text[_pos])}");
                var type = word switch
                {
                    "block" => TokenType.KwBlock,
                    "break" => TokenType.KwBreak,
                    "continue" => TokenType.KwContinue,
                    "define" => TokenType.KwDefine,
                    "else" => TokenType.KwElse,
                    "end" => TokenType.KwEnd,
                    "if" => TokenType.KwIf,
                    "range" => TokenType.KwRange,
                    "template" => TokenType.KwTemplate,
                    "with" => TokenType.KwWith,
                    "true" or "false" => TokenType.Bool,
                    "nil" => TokenType.Nil,
                    _ => TokenType.Identifier,
                };
                _tokens.Add(new Token(type, tokStart, word));
                continue;
            }
            return Fail($"unrecognized character in action: {Quote(c)}");
        }
    }

    private bool PreviousIsOperand()
    {
        if (_tokens.Count == 0) return false;
        return _tokens[^1].Type is TokenType.RightParen or TokenType.Variable or TokenType.Field or TokenType.Identifier;
    }

    private static string Quote(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " '" + c + "'";

    private bool AtTerminator()
    {
        if (_pos >= _text.Length) return true;
        var c = _text[_pos];
        if (IsSpace(c)) return true;
        if (c is '.' or ',' or '|' or ':' or ')' or '(' or '=') return true;
        return string.CompareOrdinal(_text, _pos, Right, 0, 2) == 0;
    }

    private bool LexNumber()
    {
        var start = _pos;
        if (_text[_pos] is '+' or '-') _pos++;
        var digits = "0123456789_";
        if (_pos + 1 < _text.Length && _text[_pos] == '0' && (_text[_pos + 1] is 'x' or 'X'))
        {
            _pos += 2;
            digits = "0123456789abcdefABCDEF_";
        }
        else if (_pos + 1 < _text.Length && _text[_pos] == '0' && (_text[_pos + 1] is 'o' or 'O' or 'b' or 'B'))
        {
            _pos += 2;
        }
        while (_pos < _text.Length && digits.Contains(_text[_pos])) _pos++;
        if (_pos < _text.Length && _text[_pos] == '.')
        {
            _pos++;
            while (_pos < _text.Length && digits.Contains(_text[_pos])) _pos++;
        }
        if (digits.Length == 11 && _pos < _text.Length && _text[_pos] is 'e' or 'E')
        {
            _pos++;
            if (_pos < _text.Length && _text[_pos] is '+' or '-') _pos++;
            while (_pos < _text.Length && char.IsDigit(_text[_pos])) _pos++;
        }
        if (_pos < _text.Length && IsAlnum(_text[_pos]))
        {
            _pos++;
            return Fail($"bad number syntax: \"{_text[start.._pos]}\"");
        }
        if (_pos == start + 1 && _text[start] is '+' or '-')
            return Fail($"bad number syntax: \"{_text[start.._pos]}\"");
        _tokens.Add(new Token(TokenType.Number, start, _text[start.._pos]));
        return true;
    }

    private bool LexQuote()
    {
        var start = _pos;
        var sb = new StringBuilder();
        _pos++;
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] is '\n') return Fail("unterminated quoted string");
            var c = _text[_pos++];
            if (c == '"') break;
            if (c != '\\') { sb.Append(c); continue; }
            if (_pos >= _text.Length) return Fail("unterminated quoted string");
            if (!Unescape(sb, '"')) return Fail("invalid syntax in quoted string");
        }
        _tokens.Add(new Token(TokenType.String, start, sb.ToString(), _text[start.._pos]));
        return true;
    }

    private bool LexChar()
    {
        var start = _pos;
        var sb = new StringBuilder();
        _pos++;
        if (_pos >= _text.Length) return Fail("unterminated character constant");
        var c = _text[_pos++];
        if (c == '\\') { if (!Unescape(sb, '\'')) return Fail("invalid character constant"); }
        else sb.Append(c);
        if (_pos >= _text.Length || _text[_pos] != '\'') return Fail("unterminated character constant");
        _pos++;
        var value = char.ConvertToUtf32(sb.ToString(), 0);
        _tokens.Add(new Token(TokenType.Char, start, value.ToString(CultureInfo.InvariantCulture), _text[start.._pos]));
        return true;
    }

    private bool Unescape(StringBuilder sb, char quote)
    {
        var e = _text[_pos++];
        switch (e)
        {
            case 'n': sb.Append('\n'); return true;
            case 't': sb.Append('\t'); return true;
            case 'r': sb.Append('\r'); return true;
            case 'a': sb.Append('\a'); return true;
            case 'b': sb.Append('\b'); return true;
            case 'f': sb.Append('\f'); return true;
            case 'v': sb.Append('\v'); return true;
            case '\\': sb.Append('\\'); return true;
            case 'x': return Hex(sb, 2);
            case 'u': return Hex(sb, 4);
            case 'U': return Hex(sb, 8);
            default:
                if (e == quote) { sb.Append(e); return true; }
                if (e is >= '0' and <= '7' && _pos + 1 < _text.Length)
                {
                    var oct = _text.Substring(_pos - 1, 3);
                    _pos += 2;
                    sb.Append((char)Convert.ToInt32(oct, 8));
                    return true;
                }
                return false;
        }
    }

    private bool Hex(StringBuilder sb, int n)
    {
        if (_pos + n > _text.Length) return false;
        if (!int.TryParse(_text.AsSpan(_pos, n), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)) return false;
        _pos += n;
        sb.Append(char.ConvertFromUtf32(code));
        return true;
    }
}
