using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RnnGen.Generator.Weights;

/// <summary>
/// A small strict JSON reader for safetensors headers: objects (as ordered name/value lists), arrays, strings, integers
/// and the literals. The generator runs inside the compiler, which offers no JSON library on every host, and a header
/// needs no more. Nesting is capped, so a hostile header cannot overflow the stack.
/// </summary>
internal sealed class MiniJson
{
    private const int MaxDepth = 16;
    private readonly string _text;
    private int _at;

    private MiniJson(string text) => _text = text;

    /// <summary>Parses a whole document: objects become <see cref="List{T}"/> of name/value pairs, arrays <see cref="List{Object}"/>, integers <see cref="long"/>, other numbers <see cref="double"/>.</summary>
    /// <exception cref="FormatException">Not valid JSON; the message gives the character offset.</exception>
    public static object? Parse(string text)
    {
        var reader = new MiniJson(text);
        object? value = reader.Value(0);
        reader.SkipSpace();
        if (reader._at != text.Length)
        {
            throw reader.Error("text after the JSON value");
        }

        return value;
    }

    private object? Value(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"nesting deeper than {MaxDepth}");
        }

        SkipSpace();
        if (_at >= _text.Length)
        {
            throw Error("the text ends where a value should be");
        }

        char c = _text[_at];
        switch (c)
        {
            case '{':
                return Object(depth);
            case '[':
                return Array(depth);
            case '"':
                return String();
            case 't':
                return Literal("true", true);
            case 'f':
                return Literal("false", false);
            case 'n':
                return Literal("null", null);
            default:
                return Number();
        }
    }

    private List<KeyValuePair<string, object?>> Object(int depth)
    {
        var members = new List<KeyValuePair<string, object?>>();
        _at++;
        SkipSpace();
        if (Peek() == '}')
        {
            _at++;
            return members;
        }

        while (true)
        {
            SkipSpace();
            if (Peek() != '"')
            {
                throw Error("expected a quoted name");
            }

            string name = String();
            SkipSpace();
            Expect(':');
            members.Add(new KeyValuePair<string, object?>(name, Value(depth + 1)));
            SkipSpace();
            if (Peek() == ',')
            {
                _at++;
                continue;
            }

            Expect('}');
            return members;
        }
    }

    private List<object?> Array(int depth)
    {
        var items = new List<object?>();
        _at++;
        SkipSpace();
        if (Peek() == ']')
        {
            _at++;
            return items;
        }

        while (true)
        {
            items.Add(Value(depth + 1));
            SkipSpace();
            if (Peek() == ',')
            {
                _at++;
                continue;
            }

            Expect(']');
            return items;
        }
    }

    private string String()
    {
        _at++;
        var text = new StringBuilder();
        while (_at < _text.Length)
        {
            char c = _text[_at++];
            if (c == '"')
            {
                return text.ToString();
            }

            if (c < ' ')
            {
                throw Error("a control character inside a string");
            }

            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            if (_at >= _text.Length)
            {
                break;
            }

            char escape = _text[_at++];
            switch (escape)
            {
                case '"': case '\\': case '/': text.Append(escape); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u':
                    if (_at + 4 > _text.Length || !ushort.TryParse(_text.Substring(_at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
                    {
                        throw Error("a \\u escape without four hex digits");
                    }

                    text.Append((char)code);
                    _at += 4;
                    break;
                default:
                    throw Error($"the unknown escape \\{escape}");
            }
        }

        throw Error("the text ends inside a string");
    }

    private object Number()
    {
        int start = _at;
        while (_at < _text.Length && "+-0123456789.eE".IndexOf(_text[_at]) >= 0)
        {
            _at++;
        }

        string token = _text.Substring(start, _at - start);
        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
        {
            return integer;
        }

        if (token.Length > 0 && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double real))
        {
            return real;
        }

        _at = start;
        throw Error(token.Length == 0 ? $"unexpected '{_text[start]}'" : $"'{token}' is not a number");
    }

    private object? Literal(string word, object? value)
    {
        if (string.CompareOrdinal(_text, _at, word, 0, word.Length) != 0)
        {
            throw Error($"unexpected '{_text[_at]}'");
        }

        _at += word.Length;
        return value;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}'");
        }

        _at++;
    }

    private char Peek() => _at < _text.Length ? _text[_at] : '\0';

    private void SkipSpace()
    {
        while (_at < _text.Length && _text[_at] is ' ' or '\t' or '\n' or '\r')
        {
            _at++;
        }
    }

    private FormatException Error(string problem) => new($"the header is not valid JSON: {problem} at character {_at}");
}
