-- fenci.nvim: Chinese-aware word motions (w / b / e) backed by `fenci serve --stdio`.
--
-- Targets Neovim >= 0.7.2 and uses only APIs that exist there.
--
-- How it works: the motion keys are buffer-local <expr> mappings.  When the
-- cursor line contains no Han characters the mapping returns the built-in key
-- unchanged, so ASCII editing behaves exactly like stock Vim.  On a line with Han
-- characters the expression asks the server for the line's tokens (cached per
-- line text), computes the target position, and returns a <Cmd> that moves the
-- cursor there.  Any failure (missing binary, server error, timeout) is reported
-- once with vim.notify and the built-in motion is used instead.

local M = {}

local uv = vim.loop

local defaults = {
  -- Command that starts the server; the first element is the executable.
  cmd = { 'fenci', 'serve', '--stdio' },
  -- Position encodings offered in `initialize`, in order of preference.  Neovim
  -- columns are bytes, so utf-8 needs no conversion; utf-16 and utf-32 replies
  -- are converted with vim.str_byteindex.
  positionEncodings = { 'utf-8', 'utf-16' },
  -- Filetypes whose buffers get the mappings automatically.  '*' means every
  -- buffer; an empty table means none (use :FenciEnable per buffer).
  filetypes = { '*' },
  -- Motion keys to map, and the modes to map them in.
  keys = { 'w', 'b', 'e' },
  modes = { 'n', 'x', 'o' },
  -- Milliseconds to wait for a server reply before falling back.
  timeout = 2000,
  -- Start the server during setup() (initialize runs asynchronously).  When
  -- false, the server starts on the first motion over a Chinese line.
  autostart = true,
  -- Extra `tokenize` params.
  tokenize = { mode = 'default', hmm = true },
  -- Forget cached lines after this many distinct lines.
  cache_size = 2000,
}

M.config = vim.deepcopy(defaults)

local state = {
  client = nil,       -- vim.lsp.rpc client table
  status = 'stopped', -- stopped | starting | ready | failed | stopping
  encoding = nil,     -- position encoding chosen by the server
  server_info = nil,  -- initialize result
  exited = false,     -- process exit observed (set from a luv callback)
  notified = false,   -- an error has already been shown to the user
  last_error = nil,
  cache = {},
  cache_n = 0,
  pending = nil,      -- target computed by the last <expr> evaluation
}

M._state = state -- exposed for tests and :FenciStatus

---------------------------------------------------------------------------
-- Error reporting: once per session, never from a fast (luv) context.
---------------------------------------------------------------------------

local function report(msg)
  state.last_error = msg
  if state.notified then
    return
  end
  state.notified = true
  local text = 'fenci: ' .. msg .. ' (falling back to built-in motions)'
  if vim.in_fast_event() then
    vim.schedule(function()
      vim.notify(text, vim.log.levels.WARN)
    end)
  else
    vim.notify(text, vim.log.levels.WARN)
  end
end

---------------------------------------------------------------------------
-- Server process
---------------------------------------------------------------------------

local function kill(client)
  if not client then
    return
  end
  if type(client.terminate) == 'function' then -- Neovim >= 0.8
    pcall(client.terminate)
    return
  end
  local handle = client.handle
  if handle and not handle:is_closing() then
    pcall(handle.kill, handle, 15)
  end
end

local function fail(msg)
  state.status = 'failed'
  local client = state.client
  state.client = nil
  kill(client)
  report(msg)
end

-- Wait (pumping the event loop) until pred() is true; returns pred()'s value.
local function wait_for(pred, timeout)
  vim.wait(timeout or M.config.timeout, pred, 5)
  return pred()
end

local function start()
  if state.status == 'starting' or state.status == 'ready' then
    return true
  end
  if state.status == 'failed' then
    return false
  end
  local cmd = M.config.cmd
  if type(cmd) ~= 'table' or type(cmd[1]) ~= 'string' then
    fail('setup option `cmd` must be a list of strings')
    return false
  end
  if vim.fn.executable(cmd[1]) ~= 1 then
    fail('server executable not found: ' .. cmd[1])
    return false
  end

  -- Shut the server down cleanly when Neovim exits.
  local exit_group = vim.api.nvim_create_augroup('fenci_exit', { clear = true })
  vim.api.nvim_create_autocmd('VimLeavePre', { group = exit_group, callback = function()
    M.stop()
  end })

  state.status = 'starting'
  state.exited = false
  state.exit_code = nil
  state.encoding = nil
  local client
  local dispatchers = {
    -- Runs in a luv callback (Neovim does not schedule on_exit).
    on_exit = function(code, signal)
      if state.client == client then
        state.exited = true
        state.exit_code = code
      end
      vim.schedule(function()
        if state.client == client and state.status ~= 'stopping' then
          state.client = nil
          fail(string.format('server exited (code %s, signal %s)', tostring(code), tostring(signal)))
        end
      end)
    end,
    on_error = function(kind, err)
      local name = vim.lsp.rpc.client_errors[kind] or tostring(kind)
      report(string.format('RPC error %s: %s', name, vim.inspect(err)))
    end,
    notification = function() end,
  }
  local ok, res = pcall(vim.lsp.rpc.start, cmd[1], vim.list_slice(cmd, 2), dispatchers)
  if not ok or type(res) ~= 'table' then
    fail('could not start ' .. table.concat(cmd, ' ') .. (ok and '' or (': ' .. tostring(res))))
    return false
  end
  client = res
  state.client = client

  local sent = client.request('initialize', {
    clientInfo = { name = 'fenci.nvim', version = '0.1.0' },
    positionEncodings = M.config.positionEncodings,
  }, function(err, result)
    if state.client ~= client then
      return
    end
    if err then
      fail('initialize failed: ' .. tostring(err.message or vim.inspect(err)))
      return
    end
    local enc = type(result) == 'table' and result.positionEncoding
    if enc ~= 'utf-8' and enc ~= 'utf-16' and enc ~= 'utf-32' then
      fail('server chose an unsupported position encoding: ' .. tostring(enc))
      return
    end
    state.encoding = enc
    state.server_info = result
    client.notify('initialized', vim.empty_dict())
    state.status = 'ready'
  end)
  if not sent then
    fail('could not send initialize')
    return false
  end
  return true
end

-- Start if needed and block (up to the timeout) until initialize has been answered.
local function ensure_ready()
  if state.status == 'ready' then
    return true
  end
  if not start() then
    return false
  end
  if not wait_for(function()
    return state.status ~= 'starting'
  end) then
    fail('no reply to initialize within ' .. M.config.timeout .. ' ms')
    return false
  end
  return state.status == 'ready'
end

--- Stop the server: `shutdown` request, then `exit` notification.
function M.stop()
  local client = state.client
  if not client or state.status == 'stopping' then
    return
  end
  state.status = 'stopping'
  local answered = false
  local ok = client.request('shutdown', nil, function()
    answered = true
  end)
  if ok then
    wait_for(function()
      return answered or state.exited
    end, math.min(M.config.timeout, 1000))
  end
  client.notify('exit', nil)
  wait_for(function()
    return state.exited
  end, 500)
  if not state.exited then
    kill(client)
  end
  state.client = nil
  state.status = 'stopped'
end

---------------------------------------------------------------------------
-- Tokens
---------------------------------------------------------------------------

-- Byte length of the UTF-8 sequence starting with byte b (invalid bytes count as 1).
local function seq_len(b)
  if b < 0xC0 then
    return 1
  elseif b < 0xE0 then
    return 2
  elseif b < 0xF0 then
    return 3
  elseif b < 0xF8 then
    return 4
  end
  return 1
end

-- Decode the code point at byte i (1-based); returns cp, length.
local function decode(s, i)
  local b = s:byte(i)
  local n = seq_len(b)
  if n == 1 or i + n - 1 > #s then
    return b, 1
  end
  local cp = b % (2 ^ (7 - n))
  for k = 1, n - 1 do
    local c = s:byte(i + k)
    if not c or c < 0x80 or c >= 0xC0 then
      return b, 1
    end
    cp = cp * 64 + (c - 0x80)
  end
  return cp, n
end

local function is_han(cp)
  return (cp >= 0x3400 and cp <= 0x9FFF) or (cp >= 0xF900 and cp <= 0xFAFF)
    or (cp >= 0x20000 and cp <= 0x2FA1F)
end

--- True when text contains a Han character (only such lines use the server).
function M.has_cjk(text)
  if not text:find('[\128-\255]') then
    return false
  end
  local i, n = 1, #text
  while i <= n do
    local cp, len = decode(text, i)
    if is_han(cp) then
      return true
    end
    i = i + len
  end
  return false
end

local function to_byte(text, idx, enc)
  if enc == 'utf-8' then
    return idx
  end
  if idx == 0 then
    return 0
  end
  local ok, b = pcall(vim.str_byteindex, text, idx, enc == 'utf-16')
  if ok then
    return b
  end
  return nil
end

-- Tokens of text as a list of {s, e} byte ranges (0-based, e exclusive), or nil
-- (after reporting) when the server cannot provide them.
function M.tokens(text)
  local cached = state.cache[text]
  if cached then
    return cached
  end
  if not ensure_ready() then
    return nil
  end
  local client = state.client
  local done, rerr, res = false, nil, nil
  local params = vim.tbl_extend('force', {}, M.config.tokenize or {}, {
    text = text,
    positionEncoding = state.encoding,
  })
  local sent = client.request('tokenize', params, function(err, result)
    done, rerr, res = true, err, result
  end)
  if not sent then
    fail('could not send tokenize')
    return nil
  end
  if not wait_for(function()
    return done or state.status ~= 'ready'
  end) then
    fail('no reply to tokenize within ' .. M.config.timeout .. ' ms')
    return nil
  end
  if not done then
    return nil
  end
  if rerr then
    report('tokenize failed: ' .. tostring(rerr.message or vim.inspect(rerr)))
    return nil
  end
  if type(res) ~= 'table' or type(res.tokens) ~= 'table' then
    report('malformed tokenize reply')
    return nil
  end
  local enc = res.positionEncoding or state.encoding
  local out = {}
  for _, tok in ipairs(res.tokens) do
    local s = to_byte(text, tok.start, enc)
    local e = to_byte(text, tok['end'], enc)
    if not s or not e or s < 0 or e > #text or s >= e then
      report('token offsets out of range in tokenize reply')
      return nil
    end
    if type(tok.text) == 'string' and text:sub(s + 1, e) ~= tok.text then
      report('token offsets do not match token text (' .. enc .. ')')
      return nil
    end
    out[#out + 1] = { s, e }
  end
  if state.cache_n >= M.config.cache_size then
    state.cache, state.cache_n = {}, 0
  end
  state.cache[text] = out
  state.cache_n = state.cache_n + 1
  return out
end

--- Forget cached tokens.
function M.clear_cache()
  state.cache, state.cache_n = {}, 0
end

---------------------------------------------------------------------------
-- Character classes, close to Vim's own (see :h word and utf_class()).
-- 0 = blank, 1 = punctuation, 2 = keyword, other values = script classes.
---------------------------------------------------------------------------

local ranges = {
  { 0x037e, 0x037e, 1 }, { 0x0387, 0x0387, 1 }, { 0x055a, 0x055f, 1 }, { 0x0589, 0x0589, 1 },
  { 0x05be, 0x05be, 1 }, { 0x05c0, 0x05c0, 1 }, { 0x05c3, 0x05c3, 1 }, { 0x05f3, 0x05f4, 1 },
  { 0x060c, 0x060c, 1 }, { 0x061b, 0x061b, 1 }, { 0x061f, 0x061f, 1 }, { 0x066a, 0x066d, 1 },
  { 0x06d4, 0x06d4, 1 }, { 0x0964, 0x0965, 1 }, { 0x0e4f, 0x0e4f, 1 }, { 0x0e5a, 0x0e5b, 1 },
  { 0x1680, 0x1680, 0 }, { 0x2000, 0x200b, 0 }, { 0x200c, 0x2027, 1 }, { 0x2028, 0x2029, 0 },
  { 0x202a, 0x202e, 1 }, { 0x202f, 0x202f, 0 }, { 0x2030, 0x205e, 1 }, { 0x205f, 0x205f, 0 },
  { 0x2060, 0x206f, 1 }, { 0x2070, 0x207f, 0x2070 }, { 0x2080, 0x2094, 0x2080 },
  { 0x20a0, 0x27ff, 1 }, { 0x2800, 0x28ff, 0x2800 }, { 0x2900, 0x2bff, 1 }, { 0x2e00, 0x2e7f, 1 },
  { 0x3000, 0x3000, 0 }, { 0x3001, 0x3020, 1 }, { 0x3030, 0x3030, 1 }, { 0x303d, 0x303d, 1 },
  { 0x3040, 0x309f, 0x3040 }, { 0x30a0, 0x30ff, 0x30a0 }, { 0x3300, 0x9fff, 0x4e00 },
  { 0xac00, 0xd7a3, 0xac00 }, { 0xf900, 0xfaff, 0x4e00 }, { 0xfd3e, 0xfd3f, 1 },
  { 0xfe30, 0xfe6b, 1 }, { 0xff00, 0xff0f, 1 }, { 0xff1a, 0xff20, 1 }, { 0xff3b, 0xff40, 1 },
  { 0xff5b, 0xff65, 1 }, { 0x1f000, 0x1faff, 3 }, { 0x20000, 0x2fa1f, 0x4e00 },
}

local kw_regex = nil
local kw_cache = {} -- [iskeyword] = { [cp] = bool }

local function char_class(cp, ch)
  if cp < 0x100 then
    if cp == 0x20 or cp == 0x09 or cp == 0 or cp == 0xa0 then
      return 0
    end
    local isk = vim.bo.iskeyword
    local t = kw_cache[isk]
    if not t then
      t = {}
      kw_cache[isk] = t
    end
    local k = t[cp]
    if k == nil then
      kw_regex = kw_regex or vim.regex('^\\k$')
      k = kw_regex:match_str(ch) ~= nil
      t[cp] = k
    end
    return k and 2 or 1
  end
  for _, r in ipairs(ranges) do
    if cp >= r[1] and cp <= r[2] then
      return r[3]
    end
  end
  return 2
end

-- Split byte range [s, e) of text into runs of equal class.  With `coarse`,
-- every non-blank, non-punctuation class counts as one ("word"), so a server
-- token such as "T恤" stays whole.  Blank runs are dropped.  Each segment is
-- { s = start byte, e = end byte (exclusive), last = start byte of last char }.
local function split_runs(text, s, e, coarse, out)
  local i = s + 1
  local cur, seg = nil, nil
  while i <= e do
    local cp, len = decode(text, i)
    local c = char_class(cp, text:sub(i, i + len - 1))
    if coarse and c > 1 then
      c = 2
    end
    if c ~= cur then
      if seg then
        out[#out + 1] = seg
      end
      seg = c ~= 0 and { s = i - 1, e = i - 1 + len, last = i - 1 } or nil
      cur = c
    elseif seg then
      seg.e = i - 1 + len
      seg.last = i - 1
    end
    i = i + len
  end
  if seg then
    out[#out + 1] = seg
  end
  return out
end

-- Word segments of a line, or nil when the server cannot tokenize it.
local function line_segments(text)
  local out = {}
  if not M.has_cjk(text) then
    return split_runs(text, 0, #text, false, out)
  end
  local toks = M.tokens(text)
  if not toks then
    return nil
  end
  for _, t in ipairs(toks) do
    split_runs(text, t[1], t[2], true, out)
  end
  return out
end

--- Word segments of buffer line lnum (1-based), for tests and debugging.
function M.segments(lnum, bufnr)
  local text = vim.api.nvim_buf_get_lines(bufnr or 0, lnum - 1, lnum, true)[1]
  return line_segments(text)
end

---------------------------------------------------------------------------
-- Motions (positions are {lnum (1-based), col (0-based byte)})
---------------------------------------------------------------------------

local Lines = {}
Lines.__index = Lines

local function new_lines(bufnr)
  return setmetatable({ buf = bufnr, text = {}, segs = {},
    count = vim.api.nvim_buf_line_count(bufnr) }, Lines)
end

function Lines:get(l)
  local t = self.text[l]
  if not t then
    t = vim.api.nvim_buf_get_lines(self.buf, l - 1, l, true)[1]
    self.text[l] = t
  end
  return t
end

-- Raises 'fenci-unavailable' when tokens cannot be had (caught by the caller).
function Lines:seg(l)
  local s = self.segs[l]
  if not s then
    s = line_segments(self:get(l))
    if not s then
      error('fenci-unavailable', 0)
    end
    self.segs[l] = s
  end
  return s
end

-- Start byte of the last character of line l (0 for an empty line).
function Lines:last_col(l)
  local t = self:get(l)
  if #t == 0 then
    return 0
  end
  local i = #t
  while i > 1 do
    local b = t:byte(i)
    if b < 0x80 or b >= 0xC0 then
      break
    end
    i = i - 1
  end
  return i - 1
end

function Lines:buf_end()
  return { self.count, self:last_col(self.count) }
end

-- One `w` step.  Returns the new position and whether the line was left.
local function step_w(L, pos)
  local l, c = pos[1], pos[2]
  for _, sg in ipairs(L:seg(l)) do
    if sg.s > c then
      return { l, sg.s }, false
    end
  end
  for nl = l + 1, L.count do
    if #L:get(nl) == 0 then -- an empty line counts as a word
      return { nl, 0 }, true
    end
    local segs = L:seg(nl)
    if #segs > 0 then
      return { nl, segs[1].s }, true
    end
  end
  return L:buf_end(), true
end

local function step_b(L, pos)
  local l, c = pos[1], pos[2]
  local segs = L:seg(l)
  for i = #segs, 1, -1 do
    if segs[i].s < c then
      return { l, segs[i].s }
    end
  end
  for pl = l - 1, 1, -1 do
    if #L:get(pl) == 0 then
      return { pl, 0 }
    end
    local ps = L:seg(pl)
    if #ps > 0 then
      return { pl, ps[#ps].s }
    end
  end
  return { 1, 0 }
end

-- `stay`: a cursor already on the last character of a word stays (used by cw).
local function step_e(L, pos, stay)
  local l, c = pos[1], pos[2]
  for _, sg in ipairs(L:seg(l)) do
    if sg.last > c or (stay and sg.last == c and sg.s <= c) then
      return { l, sg.last }
    end
  end
  for nl = l + 1, L.count do
    local segs = L:seg(nl)
    if #segs > 0 then
      return { nl, segs[1].last }
    end
  end
  return L:buf_end()
end

-- Compute the target of `count` x `key` from the cursor.  Returns target,
-- inclusive (only meaningful in operator-pending mode), and whether Chinese
-- text is involved (the start line or any line a step lands on has Han
-- characters); when it is not, the caller uses the built-in motion.
local function compute(key, count, mode, operator)
  local L = new_lines(vim.api.nvim_get_current_buf())
  local pos = vim.api.nvim_win_get_cursor(0)
  local cjk = {}
  local function is_cjk(l)
    if cjk[l] == nil then
      cjk[l] = M.has_cjk(L:get(l))
    end
    return cjk[l]
  end
  local touched = is_cjk(pos[1])
  local function land(p)
    touched = touched or is_cjk(p[1])
    return p
  end

  if key == 'b' then
    for _ = 1, count do
      pos = land(step_b(L, pos))
    end
    return pos, false, touched
  end
  if key == 'w' and mode == 'o' and operator == 'c' then
    -- `cw` on a non-blank works like `ce` (:h cw).
    local ch = L:get(pos[1]):sub(pos[2] + 1, pos[2] + 1)
    if ch ~= '' and ch ~= ' ' and ch ~= '\t' then
      for i = 1, count do
        pos = land(step_e(L, pos, i == 1))
      end
      return pos, true, touched
    end
  end
  if key == 'e' then
    for _ = 1, count do
      pos = land(step_e(L, pos, false))
    end
    return pos, true, touched
  end
  for i = 1, count do
    local from = pos
    local left
    pos, left = step_w(L, pos)
    pos = land(pos)
    if mode == 'o' and i == count and left and #L:get(from[1]) > 0 then
      -- An operator with `w` over the last word of a line stops at the end of
      -- that line (:h word, the "dw" special case).
      return { from[1], L:last_col(from[1]) }, true, touched
    end
  end
  return pos, false, touched
end

local function map_mode(mode)
  if mode:sub(1, 2) == 'no' then
    return 'o'
  end
  local m = mode:sub(1, 1)
  if m == 'v' or m == 'V' or m == '\22' or m == 's' or m == 'S' or m == '\19' then
    return 'x'
  end
  return 'n'
end

--- <expr> body of the motion mappings: returns the keys to execute.
function M._expr(key, mode)
  mode = mode or map_mode(vim.api.nvim_get_mode().mode)
  if state.status == 'failed' then
    return key
  end
  local count = vim.v.count1
  local ok, target, inclusive, touched = pcall(compute, key, count, mode, vim.v.operator)
  if not ok then
    if target ~= 'fenci-unavailable' then
      report('internal error: ' .. tostring(target))
    end
    return key
  end
  if not touched then
    return key -- no Chinese involved: the built-in motion, count and all
  end
  state.pending = {
    buf = vim.api.nvim_get_current_buf(),
    tick = vim.api.nvim_buf_get_changedtick(0),
    from = vim.api.nvim_win_get_cursor(0),
    key = key, count = count,
    target = target,
  }
  local call = string.format('lua require("fenci")._apply(%q,%d,%q)<CR>', key, count, mode)
  if mode ~= 'o' then
    return '<Cmd>' .. call
  end
  -- In operator-pending mode a `:` command (unlike <Cmd> in Neovim 0.7) is
  -- recorded for `.`; a leading `v` makes the motion inclusive.
  return (inclusive and 'v' or '') .. ':<C-u>' .. call
end

--- Moves the cursor to the target computed by _expr (recomputed when replayed,
--- e.g. by `.`).
function M._apply(key, count, mode)
  local p = state.pending
  state.pending = nil
  local cur = vim.api.nvim_win_get_cursor(0)
  local target
  if p and p.key == key and p.count == count and p.buf == vim.api.nvim_get_current_buf()
      and p.tick == vim.api.nvim_buf_get_changedtick(0)
      and p.from[1] == cur[1] and p.from[2] == cur[2] then
    target = p.target
  else
    local ok, t = pcall(compute, key, count, mode, vim.v.operator)
    if not ok then
      return
    end
    target = t
  end
  pcall(vim.api.nvim_win_set_cursor, 0, target)
end

---------------------------------------------------------------------------
-- Buffer mappings, commands, setup
---------------------------------------------------------------------------

--- Forget an earlier failure so the next motion tries the server again.
function M.retry()
  if state.status == 'failed' then
    state.status = 'stopped'
    state.notified = false
    state.last_error = nil
  end
end

--- Enable the motions in buffer bufnr (default: current).
function M.enable(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  for _, key in ipairs(M.config.keys) do
    for _, mode in ipairs(M.config.modes) do
      vim.keymap.set(mode, key, function()
        return M._expr(key, mode)
      end, { buffer = bufnr, expr = true, silent = true, desc = 'fenci: Chinese-aware ' .. key })
    end
  end
  vim.b[bufnr].fenci_enabled = true
end

--- Remove the motions from buffer bufnr (default: current).
function M.disable(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not vim.b[bufnr].fenci_enabled then
    return
  end
  for _, key in ipairs(M.config.keys) do
    for _, mode in ipairs(M.config.modes) do
      pcall(vim.api.nvim_buf_del_keymap, bufnr, mode, key)
    end
  end
  vim.b[bufnr].fenci_enabled = false
end

--- Human-readable status line.
function M.status()
  local info = state.server_info and state.server_info.serverInfo
  return string.format('fenci: %s%s%s, %d cached lines%s', state.status,
    info and (' (' .. tostring(info.name) .. ' ' .. tostring(info.version) .. ')') or '',
    state.encoding and (', ' .. state.encoding) or '', state.cache_n,
    state.last_error and (', last error: ' .. state.last_error) or '')
end

local function ft_matches(ft)
  for _, f in ipairs(M.config.filetypes or {}) do
    if f == '*' or f == ft then
      return true
    end
  end
  return false
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  -- Lists replace (not merge) the defaults.
  for _, k in ipairs({ 'cmd', 'positionEncodings', 'filetypes', 'keys', 'modes' }) do
    if opts and opts[k] then
      M.config[k] = opts[k]
    end
  end
  if state.client then
    M.stop()
  end
  state.status = 'stopped'
  state.notified = false
  state.last_error = nil
  M.clear_cache()

  local group = vim.api.nvim_create_augroup('fenci', { clear = true })
  local fts = M.config.filetypes or {}
  if #fts > 0 then
    local all = vim.tbl_contains(fts, '*')
    vim.api.nvim_create_autocmd(all and { 'BufEnter', 'FileType' } or 'FileType', {
      group = group,
      callback = function(args)
        -- Buffers switched off with :FenciDisable (false) are left alone.
        local bt = vim.bo[args.buf].buftype
        if bt ~= 'terminal' and bt ~= 'prompt' and vim.b[args.buf].fenci_enabled == nil
            and (all or ft_matches(vim.bo[args.buf].filetype)) then
          M.enable(args.buf)
        end
      end,
    })
    local cur = vim.api.nvim_get_current_buf()
    if all or ft_matches(vim.bo[cur].filetype) then
      M.enable(cur)
    end
  end
  if M.config.autostart then
    start()
  end
  return M
end

return M
