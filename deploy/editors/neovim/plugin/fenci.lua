-- fenci.nvim commands.  Nothing starts until require('fenci').setup() or :FenciEnable.
if vim.g.loaded_fenci then
  return
end
vim.g.loaded_fenci = true

local cmd = vim.api.nvim_create_user_command

cmd('FenciEnable', function()
  local fenci = require('fenci')
  fenci.retry()
  fenci.enable(0)
end, { desc = 'fenci: Chinese-aware w/b/e in this buffer (retries a failed server)' })

cmd('FenciDisable', function()
  require('fenci').disable(0)
end, { desc = 'fenci: restore the built-in w/b/e in this buffer' })

cmd('FenciStatus', function()
  print(require('fenci').status())
end, { desc = 'fenci: server status' })

cmd('FenciStop', function()
  require('fenci').stop()
end, { desc = 'fenci: shut the server down (it restarts on the next Chinese motion)' })
