using System.Globalization;

namespace Northstar.Core.Model.Loading;

/// <summary>
/// Parses the expression of a derived metric: <c>{metric}</c> references, decimal numbers, <c>+ - * /</c> with the
/// usual precedence (left-associative), parentheses and unary minus.
/// </summary>
/// <remarks>
/// Grammar (recursive descent):
/// <code>
/// expression = term { ("+" | "-") term }
/// term       = unary { ("*" | "/") unary }
/// unary      = "-" unary | primary
/// primary    = number | "{" identifier "}" | "(" expression ")"
/// </code>
/// </remarks>
public sealed class MetricExpressionParser
{
    private readonly string _text;
    private int _position;

    private MetricExpressionParser(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="MetricExpressionException">The text is not a valid expression.</exception>
    public static MetricExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new MetricExpressionParser(text);
        var expression = parser.ParseExpression();
        parser.SkipSpaces();
        if (parser._position < text.Length)
        {
            throw parser.Error($"unexpected '{text[parser._position]}'");
        }

        return expression;
    }

    /// <summary>The names of the metrics an expression references, in order of appearance, without repeats.</summary>
    public static IReadOnlyList<string> References(MetricExpression expression)
    {
        var names = new List<string>();
        Collect(expression, names);
        return names;
    }

    private static void Collect(MetricExpression expression, List<string> names)
    {
        switch (expression)
        {
            case MetricReference reference when !names.Contains(reference.Metric):
                names.Add(reference.Metric);
                break;
            case BinaryOperation binary:
                Collect(binary.Left, names);
                Collect(binary.Right, names);
                break;
            case Negation negation:
                Collect(negation.Operand, names);
                break;
        }
    }

    private MetricExpression ParseExpression()
    {
        var left = ParseTerm();
        while (Accept('+', '-') is { } op)
        {
            left = new BinaryOperation(op, left, ParseTerm());
        }

        return left;
    }

    private MetricExpression ParseTerm()
    {
        var left = ParseUnary();
        while (Accept('*', '/') is { } op)
        {
            left = new BinaryOperation(op, left, ParseUnary());
        }

        return left;
    }

    private MetricExpression ParseUnary() =>
        Accept('-', '-') is not null ? new Negation(ParseUnary()) : ParsePrimary();

    private MetricExpression ParsePrimary()
    {
        SkipSpaces();
        if (_position >= _text.Length)
        {
            throw Error("unexpected end of expression");
        }

        var c = _text[_position];
        if (c == '(')
        {
            _position++;
            var inner = ParseExpression();
            Expect(')');
            return inner;
        }

        if (c == '{')
        {
            return ParseReference();
        }

        if (char.IsAsciiDigit(c) || c == '.')
        {
            return ParseNumber();
        }

        throw Error($"unexpected '{c}'");
    }

    private MetricReference ParseReference()
    {
        var open = _position++;
        var start = _position;
        while (_position < _text.Length && _text[_position] != '}')
        {
            _position++;
        }

        if (_position >= _text.Length)
        {
            _position = open;
            throw Error("'{' without a closing '}'");
        }

        var name = _text[start.._position];
        if (!Identifiers.IsIdentifier(name))
        {
            _position = start;
            throw Error($"'{name}' is not a metric name (snake_case: [a-z][a-z0-9_]*)");
        }

        _position++;
        return new MetricReference(name);
    }

    private NumberConstant ParseNumber()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] == '.'))
        {
            _position++;
        }

        var digits = _text[start.._position];
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            _position = start;
            throw Error($"'{digits}' is not a number");
        }

        return new NumberConstant(value);
    }

    private char? Accept(char first, char second)
    {
        SkipSpaces();
        if (_position < _text.Length && (_text[_position] == first || _text[_position] == second))
        {
            return _text[_position++];
        }

        return null;
    }

    private void Expect(char expected)
    {
        SkipSpaces();
        if (_position >= _text.Length)
        {
            throw Error($"expected '{expected}' but the expression ends");
        }

        if (_text[_position] != expected)
        {
            throw Error($"expected '{expected}' but found '{_text[_position]}'");
        }

        _position++;
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private MetricExpressionException Error(string message) => new(message, _position + 1);
}
