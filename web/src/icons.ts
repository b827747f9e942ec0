// The icons route modules name in meta.icon (shown by name in the menu). Templates import
// the icons they use themselves (vite.config.ts), so only these are registered globally.
import { Avatar, Bell, Calendar, DataLine, Document, FirstAidKit, HomeFilled, Message, Notebook, OfficeBuilding, Postcard,
  User, Warning } from '@element-plus/icons-vue'

export const menuIcons = { Avatar, Bell, Calendar, DataLine, Document, FirstAidKit, HomeFilled, Message, Notebook,
  OfficeBuilding, Postcard, User, Warning }
export type MenuIcon = keyof typeof menuIcons
