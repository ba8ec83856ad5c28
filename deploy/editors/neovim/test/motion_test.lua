-- Headless test of fenci.nvim's motions against a real `fenci serve --stdio`.
-- Run through test/run.sh (it sets FENCI_BIN and the runtimepath).
-- Prints one PASS/FAIL line per assertion; exits with :cquit on any failure.

local bin = os.getenv('FENCI_BIN')
local passed, failed = 0, 0

-- Results go to stderr: headless Neovim writes its own screen output (e.g. the
-- `:` command replayed by `.`) to stdout, which run.sh discards.
local function out(line)
  io.stderr:write(line .. '\n')
  io.stderr:flush()
end

local function check(name, got, want)
  if vim.deep_equal(got, want) then
    passed = passed + 1
    out('PASS ' .. name)
  else
    failed = failed + 1
    out('FAIL ' .. name .. '\n     want ' .. vim.inspect(want):gsub('%s+', ' ')
      .. '\n     got  ' .. vim.inspect(got):gsub('%s+', ' '))
  end
end

local function set_lines(lines)
  vim.api.nvim_buf_set_lines(0, 0, -1, false, lines)
end

local function cursor()
  return vim.api.nvim_win_get_cursor(0)
end

-- Press `keys` `times` times from `start`; return the visited {line, col}s. `normal`
-- applies the plugin's mappings; `builtin` uses `normal!`, which ignores them.
local function press(command, start, keys, times)
  vim.api.nvim_win_set_cursor(0, start)
  local seen = {}
  for _ = 1, times do
    vim.cmd(command .. ' ' .. keys)
    seen[#seen + 1] = cursor()
  end
  return seen
end

local function visits(start, keys, times)
  return press('normal', start, keys, times)
end

local function builtin_visits(start, keys, times)
  return press('normal!', start, keys, times)
end

-- Byte columns of each word's first and last character.
local function columns(words)
  local starts, lasts, col = {}, {}, 0
  for _, w in ipairs(words) do
    starts[#starts + 1] = col
    local last_char = vim.fn.strcharpart(w, vim.fn.strchars(w) - 1)
    lasts[#lasts + 1] = col + #w - #last_char
    col = col + #w
  end
  return starts, lasts
end

local function on_line(lnum, cols)
  local r = {}
  for i, c in ipairs(cols) do
    r[i] = { lnum, c }
  end
  return r
end

local function reversed(t)
  local r = {}
  for i = #t, 1, -1 do
    r[#r + 1] = t[i]
  end
  return r
end

-- Count vim.notify calls (the plugin must report problems once, not per key).
local notes = {}
vim.notify = function(msg, level)
  notes[#notes + 1] = { msg = msg, level = level }
end

-- What `fenci` returns for the main line (jieba 0.42.1 default mode: 物联网 is not a
-- dictionary word, so it comes out as 物 / 联网).
local LINE = '无锡物联网创新促进中心成立'
local WORDS = { '无锡', '物', '联网', '创新', '促进', '中心', '成立' }
local STARTS, LASTS = columns(WORDS)
local LAST_COL = LASTS[#LASTS]
local ASTRAL = '𠮷野家的牛肉饭很好吃，𠀋一下'

local function motion_suite(fenci, tag)
  set_lines({ LINE })
  check(tag .. ' line segments = server tokens ' .. table.concat(WORDS, '/'),
    vim.tbl_map(function(sg) return LINE:sub(sg.s + 1, sg.e) end, fenci.segments(1) or {}), WORDS)

  -- w from column 0 visits every later token start, then stays on the last character.
  local want_w = on_line(1, vim.list_slice(STARTS, 2))
  want_w[#want_w + 1] = { 1, LAST_COL }
  check(tag .. ' w visits each token start', visits({ 1, 0 }, 'w', #WORDS), want_w)
  check(tag .. ' e visits each token end', visits({ 1, 0 }, 'e', #WORDS), on_line(1, LASTS))
  check(tag .. ' b visits each token start backwards',
    visits({ 1, LAST_COL }, 'b', #WORDS), on_line(1, reversed(STARTS)))
  check(tag .. ' b from inside a token goes to its start', visits({ 1, STARTS[4] + 3 }, 'b', 1),
    { { 1, STARTS[4] } })
  check(tag .. ' 2w', visits({ 1, 0 }, '2w', 1), { { 1, STARTS[3] } })
  check(tag .. ' 3e', visits({ 1, 0 }, '3e', 1), { { 1, LASTS[3] } })
  check(tag .. ' 2b', visits({ 1, LAST_COL }, '2b', 1), { { 1, STARTS[#STARTS - 1] } })
end

local function run()
  assert(bin and bin ~= '', 'FENCI_BIN is not set')
  vim.cmd('runtime plugin/fenci.lua')
  check('commands defined', { vim.fn.exists(':FenciEnable'), vim.fn.exists(':FenciDisable') }, { 2, 2 })

  local fenci = require('fenci')
  fenci.setup({ cmd = { bin, 'serve', '--stdio' } })
  local mapped = {}
  for _, mode in ipairs({ 'n', 'x', 'o' }) do
    for _, m in ipairs(vim.api.nvim_buf_get_keymap(0, mode)) do
      mapped[#mapped + 1] = mode .. m.lhs
    end
  end
  table.sort(mapped)
  check('buffer-local mappings', mapped, { 'nb', 'ne', 'nw', 'ob', 'oe', 'ow', 'xb', 'xe', 'xw' })

  ---------------------------------------------------------------- utf-8
  motion_suite(fenci, '[utf-8]')
  check('[utf-8] server chose utf-8', fenci._state.encoding, 'utf-8')

  -- Mixed line: ASCII words keep Vim's stops, the Chinese part splits into tokens.
  local MIXED = 'hello 物联网 world'
  set_lines({ MIXED })
  check('mixed w', visits({ 1, 0 }, 'w', 3), { { 1, 6 }, { 1, 9 }, { 1, 16 } })
  check('mixed e', visits({ 1, 0 }, 'e', 4), { { 1, 4 }, { 1, 6 }, { 1, 12 }, { 1, 20 } })
  check('mixed b', visits({ 1, 20 }, 'b', 4), { { 1, 16 }, { 1, 9 }, { 1, 6 }, { 1, 0 } })

  -- Lines without Chinese: exactly the built-in motions (also with counts).
  local ASCII = { 'foo.bar(baz)  qux_1 x-y', '', '   indented line, ok' }
  set_lines(ASCII)
  for _, k in ipairs({ 'w', 'e', '2w', '3e' }) do
    check('ascii ' .. k .. ' = built-in', visits({ 1, 0 }, k, 6), builtin_visits({ 1, 0 }, k, 6))
  end
  for _, k in ipairs({ 'b', '2b' }) do
    check('ascii ' .. k .. ' = built-in', visits({ 3, 19 }, k, 6), builtin_visits({ 3, 19 }, k, 6))
  end

  -- Crossing lines: next line's first token / previous line's last token; an
  -- empty line is a stop for w and b (as in Vim), not for e.
  set_lines({ '中心成立', '', '  无锡物联网', 'end' })
  check('w crosses lines', visits({ 1, 6 }, 'w', 4), { { 2, 0 }, { 3, 2 }, { 3, 8 }, { 3, 11 } })
  check('w from last Chinese token to ASCII line', visits({ 3, 11 }, 'w', 1), { { 4, 0 } })
  check('b crosses lines', visits({ 4, 0 }, 'b', 5), { { 3, 11 }, { 3, 8 }, { 3, 2 }, { 2, 0 }, { 1, 6 } })
  check('e crosses lines (skips the empty line)', visits({ 1, 6 }, 'e', 3), { { 1, 9 }, { 3, 5 }, { 3, 8 } })

  -- Operator-pending and visual mode.
  set_lines({ LINE, 'next' })
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  vim.cmd('normal dw')
  check('dw deletes one token', vim.api.nvim_get_current_line(), table.concat(WORDS, '', 2))
  set_lines({ LINE, 'next' })
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  vim.cmd('normal d2e')
  check('d2e deletes two tokens (inclusive)', vim.api.nvim_get_current_line(), table.concat(WORDS, '', 3))
  set_lines({ LINE, 'next' })
  vim.api.nvim_win_set_cursor(0, { 1, STARTS[4] })
  vim.cmd('normal cwXY')
  check('cw changes one token', vim.api.nvim_get_current_line(),
    table.concat(WORDS, '', 1, 3) .. 'XY' .. table.concat(WORDS, '', 5))
  set_lines({ LINE, 'next' })
  vim.api.nvim_win_set_cursor(0, { 1, STARTS[#STARTS] })
  vim.cmd('normal dw')
  check('dw on the last token stops at the end of the line',
    vim.api.nvim_buf_get_lines(0, 0, -1, false), { table.concat(WORDS, '', 1, #WORDS - 1), 'next' })
  set_lines({ LINE })
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  vim.cmd('normal veey')
  check('visual ee selects two tokens', vim.fn.getreg('"'), WORDS[1] .. WORDS[2])
  set_lines({ LINE })
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  vim.cmd('normal dw.')
  check('dot repeats dw', vim.api.nvim_get_current_line(), table.concat(WORDS, '', 3))

  -- :FenciDisable restores the built-in motions; :FenciEnable brings them back.
  set_lines({ LINE })
  vim.cmd('FenciDisable')
  check(':FenciDisable gives the built-in w', visits({ 1, 0 }, 'w', 1), builtin_visits({ 1, 0 }, 'w', 1))
  vim.cmd('FenciEnable')
  check(':FenciEnable restores token w', visits({ 1, 0 }, 'w', 1), { { 1, STARTS[2] } })

  -- Characters outside the BMP (4 UTF-8 bytes, 2 UTF-16 units): remember the
  -- segments to compare with the utf-16 and utf-32 runs.
  set_lines({ ASTRAL })
  local astral_utf8 = fenci.segments(1)
  check('[utf-8] astral line has segments', #astral_utf8 > 3, true)

  -- Clean shutdown: shutdown request, exit notification, status 0.
  fenci.stop()
  check('stop: server exited with status 0', { fenci._state.exited, fenci._state.exit_code }, { true, 0 })

  ---------------------------------------------------------------- utf-16
  fenci.setup({ cmd = { bin, 'serve', '--stdio' }, positionEncodings = { 'utf-16' } })
  motion_suite(fenci, '[utf-16]')
  check('[utf-16] server chose utf-16', fenci._state.encoding, 'utf-16')
  set_lines({ ASTRAL })
  check('[utf-16] astral segments = utf-8 segments', fenci.segments(1), astral_utf8)

  ---------------------------------------------------------------- utf-32
  fenci.setup({ cmd = { bin, 'serve', '--stdio' }, positionEncodings = { 'utf-32' } })
  set_lines({ ASTRAL })
  check('[utf-32] astral segments = utf-8 segments', fenci.segments(1), astral_utf8)
  check('[utf-32] server chose utf-32', fenci._state.encoding, 'utf-32')
  check('no notifications while the server worked', notes, {})
  notes = {}

  ---------------------------------------------------------------- failures
  -- Missing binary: one notification, built-in motions, no errors.
  fenci.setup({ cmd = { '/nonexistent/fenci-missing', 'serve', '--stdio' } })
  set_lines({ LINE, 'next line' })
  local ok, err = pcall(function()
    check('missing binary: w = built-in', visits({ 1, 0 }, 'w', 3), builtin_visits({ 1, 0 }, 'w', 3))
    check('missing binary: e = built-in', visits({ 1, 0 }, 'e', 2), builtin_visits({ 1, 0 }, 'e', 2))
    check('missing binary: b = built-in', visits({ 2, 5 }, 'b', 3), builtin_visits({ 2, 5 }, 'b', 3))
  end)
  check('missing binary: no error raised', { ok, err }, { true, nil })
  check('missing binary: notified exactly once', #notes, 1)
  check('missing binary: message names the binary',
    notes[1] and notes[1].msg:find('fenci-missing', 1, true) ~= nil, true)

  -- A server that dies at once: also one notification and built-in motions.
  notes = {}
  fenci.setup({ cmd = { 'sh', '-c', 'exit 3' }, timeout = 3000 })
  set_lines({ LINE })
  ok, err = pcall(function()
    check('dying server: w = built-in', visits({ 1, 0 }, 'w', 2), builtin_visits({ 1, 0 }, 'w', 2))
  end)
  check('dying server: no error raised', { ok, err }, { true, nil })
  check('dying server: notified exactly once', #notes, 1)
end

local ok, err = xpcall(run, debug.traceback)
if not ok then
  failed = failed + 1
  out('FAIL test raised an error: ' .. tostring(err))
end
out(string.format('%s: %d passed, %d failed', failed == 0 and 'OK' or 'FAILED', passed, failed))
if failed > 0 then
  vim.cmd('cquit 1')
else
  vim.cmd('qall!')
end
