// The invalid port fails the build with the CLI's located diagnostic, and nothing is written:
// in verify (cfc:check), cfc:validate and cfc:diff alike.
def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/java/app/BadContainers.java').readLines()
def line = source.findIndexOf { it.contains('.defaultPort(70000)') } + 1
assert line > 0
def column = source[line - 1].indexOf('defaultPort(') + 1
def matcher = log =~ /\[ERROR\] (src\/main\/java\/app\/BadContainers\.java:(\d+):(\d+): error CFC010: .*70000.*)/
assert matcher.find() : 'no located CFC010 diagnostic in the log'
assert matcher.group(2) as int == line : "located at line ${matcher.group(2)}, expected ${line}"
assert matcher.group(3) as int == column : "located at column ${matcher.group(3)}, expected ${column}"
assert log.contains('1 error; nothing was written')
assert log.findAll(/\[ERROR\] src\/main\/java\/app\/BadContainers\.java:\d+:\d+: error CFC010: /).size() == 3 :
    'not every goal logged the located CFC010 diagnostic'
assert !log.contains('cfc:generate would write') && !log.contains('planned file(s) valid')
assert !new File(basedir, '.cfc').exists()
assert !new File(basedir, 'wrangler.toml').text.contains('[[containers]]')
assert !new File(basedir, 'cfc.lock').exists()
return true
