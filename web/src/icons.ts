// The icons route modules name in meta.icon (shown by name in the menu). Templates import
// the icons they use themselves (vite.config.ts), so only these are registered globally.
import { Avatar, Bell, Box, Calendar, ChatDotSquare, Coin, Connection, MessageBox, DataAnalysis, Money, DataLine, Document, Edit, FirstAidKit, HomeFilled, House, List, Message, Notebook, Notification, OfficeBuilding,
  Postcard, Present, Promotion, Stamp, User, UserFilled, Warning } from '@element-plus/icons-vue'

export const menuIcons = { Avatar, Bell, Box, Calendar, ChatDotSquare, Coin, Connection, MessageBox, DataAnalysis, Money, DataLine, Document, Edit, FirstAidKit, HomeFilled, House, List, Message,
  Notebook, Notification, OfficeBuilding, Postcard, Present, Promotion, Stamp, User, UserFilled, Warning }
export type MenuIcon = keyof typeof menuIcons
