#include "theme.h"

#include "statuspalette.h"

namespace Stepscope {

QColor Theme::typeAccent(StateType type) const
{
    const bool darkTheme = name == QLatin1String("dark");
    switch (type) {
    case StateType::Task:
        return darkTheme ? QColor(0x64, 0xb5, 0xf6) : QColor(0x1e, 0x6f, 0xb8);
    case StateType::Choice:
        return darkTheme ? QColor(0xff, 0xd5, 0x4f) : QColor(0xb2, 0x86, 0x00);
    case StateType::Wait:
        return darkTheme ? QColor(0xb3, 0x9d, 0xdb) : QColor(0x6a, 0x4c, 0x9c);
    case StateType::Pass:
        return darkTheme ? QColor(0x90, 0xa4, 0xae) : QColor(0x60, 0x7d, 0x8b);
    case StateType::Succeed:
        return darkTheme ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    case StateType::Fail:
        return darkTheme ? QColor(0xe5, 0x73, 0x73) : QColor(0xc6, 0x28, 0x28);
    case StateType::Parallel:
    case StateType::Map:
        return darkTheme ? QColor(0x4d, 0xd0, 0xe1) : QColor(0x00, 0x83, 0x8f);
    case StateType::Unknown:
        break;
    }
    return mutedText;
}

QColor Theme::statusColor(RunStatus status) const
{
    return Stepscope::statusColor(status, isDark());
}

Theme Theme::light()
{
    Theme t;
    t.name = QStringLiteral("light");
    t.background = Qt::white;
    t.text = QColor(0x21, 0x21, 0x21);
    t.mutedText = QColor(0x61, 0x61, 0x61);
    t.nodeFill = QColor(0xff, 0xff, 0xff);
    t.nodeBorder = QColor(0x75, 0x75, 0x75);
    t.groupFill = QColor(0xf4, 0xf8, 0xfb);
    t.groupBorder = QColor(0x78, 0x90, 0x9c);
    t.branchFill = QColor(0xff, 0xff, 0xff);
    t.branchBorder = QColor(0xb0, 0xbe, 0xc5);
    t.edge = QColor(0x54, 0x6e, 0x7a);
    t.catchEdge = QColor(0xc6, 0x28, 0x28);
    t.labelBackground = QColor(0xff, 0xff, 0xff, 0xe6);
    t.marker = QColor(0x33, 0x33, 0x33);
    t.badgeFill = QColor(0xff, 0xf3, 0xe0);
    t.badgeText = QColor(0x8d, 0x4a, 0x00);
    return t;
}

Theme Theme::dark()
{
    Theme t;
    t.name = QStringLiteral("dark");
    t.background = QColor(0x1e, 0x1f, 0x22);
    t.text = QColor(0xe8, 0xea, 0xed);
    t.mutedText = QColor(0xa0, 0xa4, 0xab);
    t.nodeFill = QColor(0x2b, 0x2d, 0x31);
    t.nodeBorder = QColor(0x8a, 0x8f, 0x98);
    t.groupFill = QColor(0x24, 0x2a, 0x30);
    t.groupBorder = QColor(0x60, 0x7d, 0x8b);
    t.branchFill = QColor(0x1e, 0x1f, 0x22);
    t.branchBorder = QColor(0x4a, 0x55, 0x5e);
    t.edge = QColor(0x9e, 0xa7, 0xb3);
    t.catchEdge = QColor(0xef, 0x53, 0x50);
    t.labelBackground = QColor(0x1e, 0x1f, 0x22, 0xe6);
    t.marker = QColor(0xe0, 0xe0, 0xe0);
    t.badgeFill = QColor(0x4e, 0x34, 0x2e);
    t.badgeText = QColor(0xff, 0xcc, 0x80);
    return t;
}

Theme Theme::byName(const QString& name, bool* ok)
{
    if (ok)
        *ok = name == QLatin1String("light") || name == QLatin1String("dark");
    return name == QLatin1String("dark") ? dark() : light();
}

} // namespace Stepscope
