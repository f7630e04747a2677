-- Neovim (0.7.2, Debian's) as an LSP client of dist/server.js, run headless by
-- test/e2e/neovim.test.ts:
--
--   nvim --headless --clean -n -i NONE -u nvim-client.lua
--
-- It opens NEGOTEXT_FILE, starts the server with vim.lsp.start_client (0.7 has
-- no vim.lsp.start), waits for diagnostics, asks for a hover at
-- NEGOTEXT_HOVER_LINE/NEGOTEXT_HOVER_CHAR (0-based, LSP) and for the document
-- symbols, stops the server and quits. What it saw goes to NEGOTEXT_RESULT as
-- JSON for the test to assert on; the exit code is 0 when every step
-- answered, 1 (cquit) when one did not.
local env = function(name)
  local v = os.getenv(name)
  if v == nil or v == '' then error('missing environment variable ' .. name) end
  return v
end

local result = { steps = {} }
local out_path = env('NEGOTEXT_RESULT')

local function write_result()
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function step(name) table.insert(result.steps, name) end

local function finish(failure)
  result.failure = failure
  write_result()
  if failure then
    io.stderr:write('nvim-client: FAIL: ' .. failure .. '\n')
    vim.cmd('cquit 1')
  else
    vim.cmd('qa!')
  end
end

local ok, err = pcall(function()
  local server = env('NEGOTEXT_SERVER')
  -- node's flags for the server, as the extension starts it (server/src/nodeFlags.ts)
  local cmd = { 'node' }
  for flag in string.gmatch(os.getenv('NEGOTEXT_NODE_FLAGS') or '', '%S+') do table.insert(cmd, flag) end
  table.insert(cmd, server)
  table.insert(cmd, '--stdio')
  local file = env('NEGOTEXT_FILE')
  local hover_line = tonumber(env('NEGOTEXT_HOVER_LINE'))
  local hover_char = tonumber(env('NEGOTEXT_HOVER_CHAR'))
  local wait_ms = tonumber(os.getenv('NEGOTEXT_WAIT_MS') or '15000')

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'negotext'
  step('opened')

  local client_id = vim.lsp.start_client({
    name = 'negotext',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
  })
  if not client_id then return finish('vim.lsp.start_client returned nil') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local initialized = vim.wait(wait_ms, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.initialized == true
  end, 20)
  if not initialized then return finish('the server did not answer initialize within ' .. wait_ms .. ' ms') end
  local client = vim.lsp.get_client_by_id(client_id)
  result.server_pid = client.rpc.pid
  result.server_cmd = cmd
  result.server_name = client.name
  step('initialized')

  if not vim.wait(wait_ms, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then
    return finish('no diagnostics within ' .. wait_ms .. ' ms')
  end
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, code = d.code, source = d.source, message = d.message,
    })
  end
  step('diagnostics')

  local uri = vim.uri_from_bufnr(bufnr)
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = uri },
    position = { line = hover_line, character = hover_char },
  }, wait_ms)
  if not hover then return finish('hover: no answer within ' .. wait_ms .. ' ms') end
  for _, r in pairs(hover) do
    if r.err then return finish('hover error: ' .. vim.inspect(r.err)) end
    result.hover = r.result
  end
  if not result.hover then return finish('hover: empty result') end
  step('hover')

  local symbols = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', {
    textDocument = { uri = uri },
  }, wait_ms)
  if not symbols then return finish('documentSymbol: no answer within ' .. wait_ms .. ' ms') end
  for _, r in pairs(symbols) do
    if r.err then return finish('documentSymbol error: ' .. vim.inspect(r.err)) end
    result.symbols = r.result
  end
  step('symbols')

  -- shutdown + exit; the server must go away by itself.
  vim.lsp.stop_client(client_id)
  result.stopped = vim.wait(wait_ms, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  step('stopped')
  finish(nil)
end)
if not ok then finish('lua error: ' .. tostring(err)) end
